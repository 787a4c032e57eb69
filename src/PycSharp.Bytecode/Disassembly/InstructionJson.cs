using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Text;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>
/// Instructions as JSON Lines, one object per instruction with the fields of dis.Instruction (null where the
/// version's dis has no such field), plus the code object it belongs to.
/// </summary>
public static class InstructionJson
{
    public static string Write(PyCode root, Disassembler disassembler, string? file = null)
    {
        var buffer = new MemoryStream();
        using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var (code, instructions) in disassembler.GetAllInstructions(root))
        {
            foreach (var ins in instructions)
            {
                w.WriteStartObject();
                if (file is not null)
                    w.WriteString("file", file);
                w.WriteString("code", code.QualNameText ?? code.NameText);
                w.WriteNumber("code_first_line", code.FirstLineNo);
                w.WriteString("opname", ins.OpName);
                w.WriteNumber("opcode", ins.Opcode);
                if (ins.Arg is { } arg)
                    w.WriteNumber("arg", arg);
                else
                    w.WriteNull("arg");
                w.WritePropertyName("argval");
                WriteValue(w, ins.ArgVal, disassembler.Version);
                w.WriteString("argrepr", ins.ArgRepr);
                w.WriteNumber("offset", ins.Offset);
                w.WriteNumber("start_offset", ins.StartOffset);
                w.WriteBoolean("starts_line", ins.StartsLine);
                if (ins.LineNumber is { } line)
                    w.WriteNumber("line_number", line);
                else
                    w.WriteNull("line_number");
                if (ins.Label is { } label)
                    w.WriteNumber("label", label);
                else
                    w.WriteNull("label");
                w.WriteBoolean("is_jump_target", ins.IsJumpTarget);
                if (ins.JumpTarget is { } target)
                    w.WriteNumber("jump_target", target);
                else
                    w.WriteNull("jump_target");
                w.WriteEndObject();
                // JSON Lines: one object per line; the writer starts afresh after each.
                w.Flush();
                buffer.WriteByte((byte)'\n');
                w.Reset();
            }
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>JSON for an argval: null, booleans, numbers and strings as such; anything else as its repr.</summary>
    private static void WriteValue(Utf8JsonWriter w, PyObject? value, PythonVersion version)
    {
        switch (value)
        {
            case null:
            case PyNone:
                w.WriteNullValue();
                break;
            case PyBool b:
                w.WriteBooleanValue(b.Value);
                break;
            case PyInt i when i.Value >= long.MinValue && i.Value <= long.MaxValue:
                w.WriteNumberValue((long)i.Value);
                break;
            case PyInt i:
                w.WriteRawValue(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case PyFloat f when double.IsFinite(f.Value):
                w.WriteRawValue(PyRepr.Float(f.Value));
                break;
            case PyString s:
                w.WriteStringValue(s.Value);
                break;
            default:
                w.WriteStringValue(PyRepr.Of(value, version));
                break;
        }
    }
}
