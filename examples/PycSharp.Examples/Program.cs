using PycSharp.Bytecode.Editing;
using PycSharp.Examples;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

// dotnet run --project examples/PycSharp.Examples -- COMMAND ...   (see README.md, "Editing bytecode")
const string usage = """
    usage:
      hello VERSION OUT.pyc                       a hello-world module written by hand, for VERSION (3.8-3.14)
      replace-const IN.pyc FUNCTION OLD NEW OUT.pyc
                                                  every str constant of FUNCTION whose repr is OLD becomes NEW
      mul-to-add IN.pyc FUNCTION OUT.pyc          every * in FUNCTION becomes +
    """;
try
{
    switch (args)
    {
        case ["hello", var version, var output]:
            File.WriteAllBytes(output, Hacks.HelloWorld(PythonVersion.Parse(version)).ToBytes());
            return 0;
        case ["replace-const", var input, var function, var old, var value, var output]:
            File.WriteAllBytes(output, Hacks.ReplaceConstant(PycFile.Load(input), function, old, PyString.From(value)).ToBytes());
            return 0;
        case ["mul-to-add", var input, var function, var output]:
            File.WriteAllBytes(output, Hacks.MultiplyBecomesAdd(PycFile.Load(input), function).ToBytes());
            return 0;
        default:
            Console.Error.Write(usage);
            return 2;
    }
}
catch (Exception e) when (e is EditException or PycFormatException or IOException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
