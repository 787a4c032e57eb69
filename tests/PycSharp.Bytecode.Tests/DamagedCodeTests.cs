using PycSharp.Bytecode.Disassembly;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Bytecode.Tests;

/// <summary>
/// Damaged code objects (bytes of co_code, line tables and exception tables flipped, cut or extended; unknown
/// opcodes; out-of-range arguments) must disassemble without an exception escaping.
/// </summary>
public class DamagedCodeTests
{
    [Fact]
    public void Damaged_code_objects_disassemble_without_exceptions()
    {
        var random = new Random(7);
        int done = 0;
        foreach (var path in Directory.GetFiles(Repo.Fixtures, "*.pyc", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = PycFile.Read(File.ReadAllBytes(path));
            var disassembler = new Disassembler(file.Version);
            ShowCode? show = file.Version.Major >= 3 ? new ShowCode(file.Version) : null;
            for (int k = 0; k < 12; k++)
            {
                var damaged = Damage(file.Code!, random);
                try
                {
                    _ = disassembler.Disassemble(damaged);
                    _ = InstructionJson.Write(damaged, disassembler);
                    _ = show?.FormatAll(damaged);
                }
                catch (Exception e)
                {
                    Assert.Fail($"{path} (damage {k}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
                done++;
            }
        }
        Assert.True(done > 5000, $"only {done}");
    }

    private static PyCode Damage(PyCode c, Random random)
    {
        var code = Mutate(c.Code.Span, random);
        var lines = random.Next(3) == 0 ? Mutate(c.LineTable.Span, random) : c.LineTable.Span.ToArray();
        var exceptions = c.ExceptionTable is { } et && random.Next(2) == 0 ? Mutate(et.Span, random) : c.ExceptionTable?.Span.ToArray();
        return new PyCode
        {
            Layout = c.Layout, ArgCount = c.ArgCount, PosOnlyArgCount = c.PosOnlyArgCount, KwOnlyArgCount = c.KwOnlyArgCount,
            NLocals = c.NLocals, StackSize = c.StackSize, Flags = random.Next(4) == 0 ? random.Next() : c.Flags,
            FirstLineNo = random.Next(6) == 0 ? random.Next(-5, 100000) : c.FirstLineNo,
            Code = new PyBytes(code), Consts = c.Consts, Names = c.Names, VarNames = c.VarNames, FreeVars = c.FreeVars,
            CellVars = c.CellVars, LocalsPlusNames = c.LocalsPlusNames, LocalsPlusKinds = c.LocalsPlusKinds,
            Filename = c.Filename, Name = c.Name, QualName = c.QualName, LineTable = new PyBytes(lines),
            ExceptionTable = exceptions is null ? null : new PyBytes(exceptions),
        };
    }

    private static byte[] Mutate(ReadOnlySpan<byte> original, Random random)
    {
        var data = new List<byte>(original.ToArray());
        switch (random.Next(5))
        {
            case 0 when data.Count > 0:
                data.RemoveRange(random.Next(data.Count), 1);
                break;
            case 1:
                data.Insert(random.Next(data.Count + 1), (byte)random.Next(256));
                break;
            case 2:
            {
                int cut = random.Next(data.Count + 1); // truncate
                data.RemoveRange(cut, data.Count - cut);
                break;
            }
            default:
                for (int i = 0; i < 1 + random.Next(6) && data.Count > 0; i++)
                    data[random.Next(data.Count)] = (byte)random.Next(256);
                break;
        }
        return data.ToArray();
    }
}
