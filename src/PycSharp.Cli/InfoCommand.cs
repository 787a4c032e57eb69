using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using PycSharp.Format;
using PycSharp.Format.Pyc;

namespace PycSharp.Cli;

internal static class InfoCommand
{
    public static Command Create()
    {
        var paths = CommandLine.PathsArgument();
        var python = CommandLine.PythonOption();
        var raw = CommandLine.RawOption();
        var json = new Option<bool>("--json") { Description = "One JSON object per file (JSON Lines)" };
        var command = new Command("info", "Show the version, header and module code object of .pyc files") { paths, python, raw, json };
        command.SetAction(result =>
        {
            var options = CommandLine.ReadOptions(result, python, raw);
            bool asJson = result.GetValue(json);
            int exit = CommandLine.Success;
            foreach (var input in PycPaths.Expand(result.GetValue(paths)!))
            {
                var data = CommandLine.ReadBytes(input);
                if (data is null)
                {
                    exit = CommandLine.BadInput;
                    continue;
                }
                PycSummary summary;
                try
                {
                    summary = PycSummary.Of(PycFile.Read(data, options));
                }
                catch (PycFormatException e)
                {
                    CommandLine.ReportError(input.Path, e);
                    exit = CommandLine.BadInput;
                    continue;
                }
                if (asJson)
                    Console.Out.WriteLine(JsonSerializer.Serialize(new InfoRecord(input.Path, summary), InfoJson.Relaxed.InfoRecord));
                else
                    WriteText(input.Path, summary);
            }
            return exit;
        });
        return command;
    }

    private static void WriteText(string path, PycSummary s)
    {
        var o = Console.Out;
        o.WriteLine(path);
        o.WriteLine($"  python:      {s.Version}{(s.GuessedVersions is null ? "" : $" (guessed: the data fits {s.GuessedVersions})")}");
        if (s.MagicBytes is not null)
            o.WriteLine($"  magic:       {(s.Magic is { } m ? $"{m} " : "")}({s.MagicBytes}), {s.MagicKind}");
        o.WriteLine($"  header:      {s.HeaderKind}{(s.HeaderSize > 0 ? $", {s.HeaderSize} bytes" : "")}{(s.Flags is { } f ? $", flags 0x{f:x8}" : "")}");
        if (s.Timestamp is not null)
            o.WriteLine($"  timestamp:   {s.Timestamp}");
        if (s.SourceHash is not null)
            o.WriteLine($"  source hash: {s.SourceHash}");
        if (s.SourceSize is { } size)
            o.WriteLine($"  source size: {size}");
        if (s.CodeName is not null)
        {
            o.WriteLine($"  code:        {s.CodeName}{(s.QualName is { } q && q != s.CodeName ? $" ({q})" : "")}");
            o.WriteLine($"  filename:    {s.Filename}");
            o.WriteLine($"  first line:  {s.FirstLine}");
            o.WriteLine($"  nested code: {s.NestedCodeObjects}");
        }
        else
            o.WriteLine($"  object:      {s.ObjectType}");
        if (s.TrailingBytes > 0)
            o.WriteLine($"  trailing:    {s.TrailingBytes} bytes after the marshal data");
    }
}

internal sealed record InfoRecord(string Path, PycSummary Info);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InfoRecord))]
internal sealed partial class InfoJson : JsonSerializerContext
{
    /// <summary>Prints "&lt;module&gt;" as such rather than as \u003C escapes: this is output for people and jq, not HTML.</summary>
    public static InfoJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
