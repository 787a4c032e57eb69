using PycSharp.Format;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Editing;

/// <summary>
/// Turns the classic goto idiom into real jumps (3.8+): a statement <c>label .name</c> marks a place and
/// <c>goto .name</c> jumps to it. Each compiles to loading the global (or module-level name) <c>label</c> or
/// <c>goto</c>, loading the attribute, and dropping it; a label becomes a NOP, a goto a jump (out of loops it
/// first pops their iterators). Jumps that would break the value stack or the exception handling around them are
/// refused, naming the line: into a loop, into or out of a with, try, except or finally block.
/// </summary>
public static class Goto
{
    /// <summary>The module with every code object's labels and gotos replaced; code without any is kept as is.</summary>
    /// <exception cref="EditException">A goto that cannot be made a jump (the message names the line).</exception>
    public static PyCode Transform(PyCode code, PythonVersion version)
    {
        // Checking a jump needs the stack effect of each branch, which dis gives from 3.8.
        if (Opcodes.OpcodeTables.For(version) is not { StackEffectHasJump: true })
            throw new EditException($"goto is done for Python 3.8 and later, not {version}");
        EditableCode? e = null;
        var consts = code.Consts.Items;
        for (int i = 0; i < consts.Length; i++)
        {
            if (consts[i] is not PyCode nested)
                continue;
            var rewritten = Transform(nested, version);
            if (!ReferenceEquals(rewritten, nested))
                (e ??= EditableCode.Load(code, version)).Consts[i] = rewritten;
        }
        e ??= EditableCode.Load(code, version);
        TransformOne(e);
        return e.ToCode();
    }

    private sealed record Site(int Index, bool IsLabel, string Name, int? Line);

    private static void TransformOne(EditableCode e)
    {
        var sites = FindSites(e);
        if (sites.Count == 0)
            return;
        string where = $"{(e.Name is PyString n ? n.Value : "code")} (line {e.FirstLineNo})";
        var labels = new Dictionary<string, Site>(StringComparer.Ordinal);
        foreach (var site in sites.Where(s => s.IsLabel))
            if (!labels.TryAdd(site.Name, site))
                throw new EditException($"line {site.Line}: label .{site.Name} is defined twice in {where}");

        var assembled = CodeUnits.Encode(e.Instructions, e.Table);
        var flow = StackDepth.Analyze(e, assembled) ?? throw new EditException($"no stack effects for Python {e.Version}");
        var plans = new List<(Site Goto, Site Label, int Pops)>();
        foreach (var site in sites.Where(s => !s.IsLabel))
        {
            if (!labels.TryGetValue(site.Name, out var label))
                throw new EditException($"line {site.Line}: goto .{site.Name} has no label .{site.Name} in {where}");
            int from = flow.DepthAt[site.Index], to = flow.DepthAt[label.Index];
            if (from < 0)
                throw new EditException($"line {site.Line}: goto .{site.Name} is in code that nothing reaches, so its stack is unknown");
            if (to < 0)
                throw new EditException(
                    $"line {site.Line}: goto .{site.Name} would jump to code that nothing else reaches (label at line {label.Line}: in a handler whose try body compiled to nothing?)");
            if (!SameProtection(e, flow, site.Index, label.Index))
                throw new EditException(
                    $"line {site.Line}: goto .{site.Name} would jump into or out of a with, try, except or finally block (label at line {label.Line})");
            if (to > from)
                throw new EditException(
                    $"line {site.Line}: goto .{site.Name} would jump into a loop (the label at line {label.Line} has {to - from} more value(s) on the stack, such as a loop's iterator)");
            plans.Add((site, label, from - to));
        }

        // Rewrite back to front, so that the indexes of the sites not done yet stay valid.
        var targets = labels.Values.ToDictionary(l => l.Name, l => e.Instructions[l.Index], StringComparer.Ordinal);
        int nop = e.Table.OpcodeOf("NOP")!.Value;
        int popTop = e.Table.OpcodeOf("POP_TOP")!.Value;
        var byIndex = sites.OrderByDescending(s => s.Index);
        foreach (var site in byIndex)
        {
            var first = e.Instructions[site.Index];
            e.Instructions.RemoveRange(site.Index + 1, 2);
            first.Arg = 0;
            first.Caches = null;
            first.MinimumExtendedArgs = 0;
            if (site.IsLabel)
            {
                first.Opcode = nop;
                continue;
            }
            var plan = plans.Single(p => p.Goto == site);
            var jump = new EditableInstruction(JumpOpcode(e, site.Index, plan.Label.Index)) { Target = targets[site.Name], Location = first.Location };
            // The first instruction of the site stays (something may jump to it): a POP_TOP if the jump leaves loops.
            if (plan.Pops == 0)
            {
                first.Opcode = jump.Opcode;
                first.Target = jump.Target;
                continue;
            }
            first.Opcode = popTop;
            var more = Enumerable.Range(0, plan.Pops - 1).Select(_ => new EditableInstruction(popTop) { Location = first.Location });
            e.Instructions.InsertRange(site.Index + 1, [.. more, jump]);
        }
    }

    /// <summary>JUMP_ABSOLUTE up to 3.10; from 3.11 jumps have a direction.</summary>
    private static int JumpOpcode(EditableCode e, int from, int to) =>
        e.Table.OpcodeOf("JUMP_ABSOLUTE")
        ?? e.Table.OpcodeOf(to > from ? "JUMP_FORWARD" : "JUMP_BACKWARD")
        ?? throw new EditException($"Python {e.Version} has no jump instruction for goto");

    /// <summary>The same exception handling at both places: the same 3.11+ handler, or up to 3.10 the same blocks.</summary>
    private static bool SameProtection(EditableCode e, StackDepth.Flow flow, int a, int b)
    {
        if (Disassembly.DisDialect.For(e.Version).ExceptionTable)
        {
            var ra = flow.RegionOf[a] is >= 0 and var x ? e.ExceptionRegions[x] : null;
            var rb = flow.RegionOf[b] is >= 0 and var y ? e.ExceptionRegions[y] : null;
            return ra is null ? rb is null : rb is not null && ReferenceEquals(ra.Handler, rb.Handler) && ra.Depth == rb.Depth && ra.Lasti == rb.Lasti;
        }
        return flow.BlocksAt[a] is { } ba && flow.BlocksAt[b] is { } bb && ba.SequenceEqual(bb);
    }

    /// <summary>
    /// Each <c>goto .x</c> / <c>label .x</c> statement: LOAD_GLOBAL or LOAD_NAME of goto/label, LOAD_ATTR x, POP_TOP,
    /// with the names read through the version's argument rules (3.11+ LOAD_GLOBAL and 3.12+ LOAD_ATTR keep a flag
    /// in the low bit).
    /// </summary>
    private static List<Site> FindSites(EditableCode e)
    {
        var table = e.Table;
        var sites = new List<Site>();
        var jumpedTo = new HashSet<EditableInstruction>(e.Instructions.Where(i => i.Target is not null).Select(i => i.Target!),
            ReferenceEqualityComparer.Instance);
        string? NameOf(EditableInstruction ins, params string[] opnames)
        {
            string opname = table.OpName(ins.Opcode);
            if (!opnames.Contains(opname) || table.RuleOf(ins.Opcode) is not { } rule)
                return null;
            int index = ins.Arg >> rule.Shift;
            return index >= 0 && index < e.Names.Count && e.Names[index] is PyString s ? s.Value : null;
        }
        for (int i = 0; i + 2 < e.Instructions.Count; i++)
        {
            var load = e.Instructions[i];
            if (NameOf(load, "LOAD_GLOBAL", "LOAD_NAME") is not ("goto" or "label"))
                continue;
            if (NameOf(e.Instructions[i + 1], "LOAD_ATTR") is not { } name || table.OpName(e.Instructions[i + 2].Opcode) != "POP_TOP")
                continue;
            if (jumpedTo.Contains(e.Instructions[i + 1]) || jumpedTo.Contains(e.Instructions[i + 2]))
                continue;
            sites.Add(new Site(i, NameOf(load, "LOAD_GLOBAL", "LOAD_NAME") == "label", name, load.Location.Line));
            i += 2;
        }
        return sites;
    }
}
