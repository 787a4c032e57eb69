using System.Globalization;
using PycSharp.Bytecode.Disassembly;
using PycSharp.Bytecode.Editing;
using PycSharp.Bytecode.Opcodes;
using PycSharp.Format;
using PycSharp.Format.Marshal;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Asm;

/// <summary>A .pyasm error: where (1-based line and column) and what was expected.</summary>
public sealed class AsmException(int line, int column, string message) : Exception($"{line}:{column}: {message}")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = message;
}

/// <summary>Reads .pyasm text (docs/pyasm.md) and assembles it into a .pyc.</summary>
public sealed class AsmReader
{
    private readonly string[] _lines;
    private int _index; // the next line to read
    private PythonVersion _version;
    private OpcodeTable? _table;
    private readonly Dictionary<PyCode, string> _forms = new(ReferenceEqualityComparer.Instance);

    private AsmReader(string text) => _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>The .pyc the text describes: header, marshalled module code object, trailing bytes.</summary>
    /// <exception cref="AsmException">A syntax or semantic error, naming the line and column.</exception>
    public static byte[] Assemble(string text) => AssembleWithCode(text).Bytes;

    /// <summary>The assembled file and the module code object in it, from one reading of the text.</summary>
    internal static (byte[] Bytes, PyCode Code) AssembleWithCode(string text)
    {
        var reader = new AsmReader(text);
        var (header, trailing, code) = reader.ReadFile();
        byte[] body;
        try
        {
            body = MarshalWriter.Write(code, MarshalFormat.For(reader._version));
        }
        catch (InvalidOperationException e)
        {
            throw new AsmException(1, 1, e.Message);
        }
        return ([.. header, .. body, .. trailing], code);
    }

    /// <summary>The module code object the text describes, and its version.</summary>
    public static (PythonVersion Version, PyCode Code) ReadCode(string text)
    {
        var reader = new AsmReader(text);
        var (_, _, code) = reader.ReadFile();
        return (reader._version, code);
    }

    private (byte[] Header, byte[] Trailing, PyCode Code) ReadFile()
    {
        byte[] header = [], trailing = [];
        PyCode? code = null;
        while (Next() is { } line)
        {
            var (word, rest) = Split(line);
            switch (word)
            {
                case ".python":
                    if (!PythonVersion.TryParse(rest.Trim(), out _version))
                        throw Error(line, $"expected a version like 3.12, found '{rest.Trim()}'");
                    _table = OpcodeTables.For(_version) ?? throw Error(line, $"no opcode table for Python {_version}");
                    break;
                case ".header":
                    header = HexOf(line, rest);
                    break;
                case ".trailing":
                    trailing = HexOf(line, rest);
                    break;
                case ".code":
                    if (_table is null)
                        throw Error(line, "expected '.python X.Y' before the code");
                    if (code is not null)
                        throw Error(line, "a second module code object");
                    code = ReadCode();
                    break;
                default:
                    throw Error(line, $"expected .python, .header, .trailing or .code, found '{word}'");
            }
        }
        if (code is null)
            throw new AsmException(_lines.Length, 1, "no .code block");
        // The recorded marshal forms make the objects the same as read, down to type codes and references.
        return (header, trailing, _forms.Count > 0 ? MarshalForm.Apply(code, MarshalFormat.For(_version), _forms) : code);
    }

    /// <summary>One .code block, after its ".code" line, up to its ".end".</summary>
    private PyCode ReadCode()
    {
        var table = _table!;
        var e = EditableCode.Create(_version);
        var labels = new Dictionary<string, EditableInstruction>(StringComparer.Ordinal);
        var pendingLabels = new List<string>();
        var jumps = new List<(EditableInstruction Ins, string Label, Line At)>();
        var regions = new List<(string Start, string? End, string Handler, int Depth, bool Lasti, Line At)>();
        var location = new Positions(null, null, null, null);
        string? form = null;
        bool columns = e.Layout == CodeLayout.Python311;
        while (true)
        {
            var line = Next() ?? throw new AsmException(_lines.Length, 1, "expected '.end' before the end of the text");
            var (word, rest) = Split(line);
            int pos = line.Text.Length - rest.Length;
            switch (word)
            {
                case ".end":
                    foreach (var (jump, label, at) in jumps)
                        jump.Target = labels.TryGetValue(label, out var t) ? t : throw Error(at, $"no label {label}");
                    foreach (var (start, end, handler, depth, lasti, at) in regions)
                    {
                        EditableInstruction Label(string n) => labels.TryGetValue(n, out var t) ? t : throw Error(at, $"no label {n}");
                        e.ExceptionRegions.Add(new(Label(start), end is { } x ? Label(x) : null, Label(handler), depth, lasti));
                    }
                    if (pendingLabels.Count > 0)
                        throw Error(line, $"label {pendingLabels[0]} is not followed by an instruction");
                    try
                    {
                        var code = e.ToCode();
                        if (form is not null)
                            _forms[code] = form;
                        return code;
                    }
                    catch (EditException ex)
                    {
                        throw Error(line, ex.Message);
                    }
                case "name":
                    e.Name = Const(line, ref pos);
                    break;
                case "qualname":
                    e.QualName = Const(line, ref pos);
                    break;
                case "filename":
                    e.Filename = Const(line, ref pos);
                    break;
                case "firstlineno":
                    e.FirstLineNo = Number(line, rest);
                    break;
                case "argcount":
                    e.ArgCount = Number(line, rest);
                    break;
                case "posonlyargcount":
                    e.PosOnlyArgCount = Number(line, rest);
                    break;
                case "kwonlyargcount":
                    e.KwOnlyArgCount = Number(line, rest);
                    break;
                case "stacksize":
                    e.StackSize = Number(line, rest);
                    break;
                case "flags":
                {
                    // Names of dis.COMPILER_FLAG_NAMES and numbers, joined by |.
                    int flags = 0;
                    foreach (var part in StripComment(rest).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var bit = table.CompilerFlagNames.FirstOrDefault(f => f.Value == part);
                        flags |= bit.Value is not null ? bit.Key : ParseInt(line, part);
                    }
                    e.Flags = flags;
                    break;
                }
                case "names":
                    e.Names.AddRange(ConstList(line, ref pos));
                    break;
                case "varnames":
                    e.VarNames.AddRange(ConstList(line, ref pos));
                    break;
                case "freevars":
                    e.FreeVars.AddRange(ConstList(line, ref pos));
                    break;
                case "cellvars":
                    e.CellVars.AddRange(ConstList(line, ref pos));
                    break;
                case "localsplus":
                    while (true)
                    {
                        ConstText.SkipSpace(line.Text, ref pos);
                        if (pos >= line.Text.Length || line.Text[pos] == ';')
                            break;
                        e.LocalsPlusNames.Add(Const(line, ref pos));
                        var kind = Token(line, ref pos).TrimEnd(',');
                        e.LocalsPlusKinds.Add((byte)ParseInt(line, kind));
                        ConstText.SkipSpace(line.Text, ref pos);
                        if (pos < line.Text.Length && line.Text[pos] == ',')
                            pos++;
                    }
                    break;
                case "const":
                    if (string.IsNullOrWhiteSpace(StripComment(rest)))
                    {
                        var next = Next();
                        if (next is null || Split(next.Value).Word != ".code")
                            throw Error(next ?? line, "expected '.code' after a bare 'const'");
                        e.Consts.Add(ReadCode());
                    }
                    else
                        e.Consts.Add(Const(line, ref pos));
                    break;
                case "@":
                    location = ParseLocation(line, StripComment(rest).Trim(), columns);
                    break;
                case "except":
                {
                    var parts = StripComment(rest).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length is < 4 or > 5 || (parts.Length == 5 && parts[4] != "lasti"))
                        throw Error(line, "expected 'except START END|end HANDLER DEPTH [lasti]'");
                    regions.Add((LabelName(line, parts[0]), parts[1] == "end" ? null : LabelName(line, parts[1]),
                        LabelName(line, parts[2]), ParseInt(line, parts[3]), parts.Length == 5, line));
                    break;
                }
                case "marshal":
                    form = StripComment(rest).Trim();
                    break;
                case "lnotab-after":
                    e.TrailingLineEntries.AddRange(LineEntries(line, StripComment(rest)));
                    break;
                default:
                    if (word.Length > 1 && word[^1] == ':' && ArgSymbols.IsIdentifier(word[..^1]))
                    {
                        string name = word[..^1];
                        if (labels.ContainsKey(name) || pendingLabels.Contains(name))
                            throw Error(line, $"label {name} is defined twice");
                        pendingLabels.Add(name);
                        break;
                    }
                    var added = Instruction(line, word, rest, e, jumps, location);
                    foreach (var n in pendingLabels)
                        labels[n] = added;
                    pendingLabels.Clear();
                    break;
            }
        }
    }

    private ArgSymbols? _symbols;
    private EditableCode? _symbolsFor;

    private EditableInstruction Instruction(Line line, string opname, string rest, EditableCode e,
        List<(EditableInstruction, string, Line)> jumps, Positions location)
    {
        if (_symbols is not null && !ReferenceEquals(_symbolsFor, e))
            _symbols = null;
        _symbolsFor = e;
        var table = _table!;
        int op = table.OpcodeOf(opname) ?? throw Error(line, $"expected an instruction of Python {_version}, found '{opname}'");
        var ins = new EditableInstruction(op) { Location = location };
        e.Instructions.Add(ins);
        int pos = line.Text.Length - rest.Length;
        ConstText.SkipSpace(line.Text, ref pos);
        // The argument, if any, comes before the !options.
        if (pos < line.Text.Length && line.Text[pos] is not ('!' or ';'))
        {
            var rule = table.RuleOf(op);
            string text = line.Text[pos..];
            if (table.IsJump(op) && !char.IsDigit(text[0]) && text[0] != '-')
            {
                // A label, as dis words it or not: "L3", "done", "to done".
                string label = Token(line, ref pos);
                if (label == "to")
                    label = Token(line, ref pos);
                jumps.Add((ins, LabelName(line, label), line));
            }
            else if (rule?.Source == ArgSource.Const && text[0] == '#')
            {
                ins.Arg = ParseInt(line, Token(line, ref pos)[1..]);
            }
            else if (rule?.Source != ArgSource.Const && (char.IsDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsDigit(text[1]))))
            {
                ins.Arg = ParseInt(line, Token(line, ref pos));
            }
            else if (rule is { Source: ArgSource.Literal } or { Source: ArgSource.Name or ArgSource.Local or ArgSource.Free, Shift: > 0 })
            {
                // An operator, comparison, intrinsic… or a flagged name ("NULL + print"), up to an option or comment.
                int end = line.Text.Length;
                foreach (var stop in new[] { ";", " !ext", " !cache", " !lnotab" })
                    if (line.Text.IndexOf(stop, pos, StringComparison.Ordinal) is >= 0 and var at && at < end)
                        end = at;
                string symbol = line.Text[pos..end].Trim();
                _symbols ??= new ArgSymbols(e);
                if (!_symbols.TryParseSymbol(op, symbol, out int arg))
                    throw Error(line, pos, $"expected a number or what dis shows for {opname}'s argument, found '{symbol}'");
                ins.Arg = arg;
                pos = end;
            }
            else if (rule?.Source == ArgSource.Const)
            {
                var value = Const(line, ref pos);
                string key = ConstText.Of(value, _version);
                int index = e.Consts.FindIndex(c => c is not PyCode && ConstText.Of(c, _version) == key);
                if (index < 0)
                {
                    e.Consts.Add(value);
                    index = e.Consts.Count - 1;
                }
                ins.Arg = index;
            }
            else if (rule?.Source is ArgSource.Name or ArgSource.Local or ArgSource.Free && rule.Shift == 0)
            {
                string name = Token(line, ref pos);
                var list = rule.Source switch
                {
                    ArgSource.Name => e.Names,
                    ArgSource.Local => ArgSymbols.Locals(e),
                    _ => ArgSymbols.Cells(e),
                };
                int index = list.FindIndex(o => ArgSymbols.NameOf(o) == name);
                if (index < 0 && rule.Source == ArgSource.Name)
                    index = e.AddName(name);
                ins.Arg = index >= 0 ? index : throw Error(line, $"no variable '{name}' in this code object");
            }
            else
                throw Error(line, pos, $"expected a number as the argument of {opname}");
        }
        while (true)
        {
            ConstText.SkipSpace(line.Text, ref pos);
            if (pos >= line.Text.Length || line.Text[pos] == ';')
                return ins;
            string option = Token(line, ref pos);
            switch (option)
            {
                case "!ext":
                    ins.MinimumExtendedArgs = ParseInt(line, Token(line, ref pos));
                    break;
                case "!cache":
                    ins.Caches = HexOf(line, Token(line, ref pos));
                    break;
                case "!lnotab":
                {
                    // Up to the next option or the comment (which may hold a '!', as in "; !=").
                    int end = line.Text.IndexOfAny(['!', ';'], pos) is >= 0 and var stop ? stop : line.Text.Length;
                    ins.LineEntries = [.. LineEntries(line, line.Text[pos..end])];
                    pos = end;
                    break;
                }
                default:
                    throw Error(line, pos - option.Length, $"expected !ext, !cache or !lnotab, found '{option}'");
            }
        }
    }

    private IEnumerable<(int Bytes, int Lines)> LineEntries(Line line, string text)
    {
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(',');
            if (parts.Length != 2)
                throw Error(line, $"expected BYTES,LINES pairs, found '{pair}'");
            yield return (ParseInt(line, parts[0]), ParseInt(line, parts[1]));
        }
    }

    private Positions ParseLocation(Line line, string text, bool columns)
    {
        if (text == "-")
            return default;
        int? Part(string s) => s == "?" ? null : ParseInt(line, s);
        if (!columns)
            return new Positions(Part(text), null, null, null);
        // A line alone: the line with no columns (the location table's "no column" entries).
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int only))
            return new Positions(only, only, null, null);
        var dash = text.IndexOf('-', 1);
        if (dash < 0)
            throw Error(line, "expected a location LINE:COLUMN-ENDLINE:ENDCOLUMN (? where unknown) or -");
        var start = text[..dash].Split(':');
        var end = text[(dash + 1)..].Split(':');
        if (start.Length != 2 || end.Length != 2)
            throw Error(line, "expected a location LINE:COLUMN-ENDLINE:ENDCOLUMN (? where unknown) or -");
        return new Positions(Part(start[0]), Part(end[0]), Part(start[1]), Part(end[1]));
    }

    private static string LabelName(Line line, string text) =>
        ArgSymbols.IsIdentifier(text) ? text : throw Error(line, $"expected a label like L3 or done, found '{text}'");

    private PyObject Const(Line line, ref int pos)
    {
        ConstText.SkipSpace(line.Text, ref pos);
        int start = pos;
        try
        {
            return ConstText.Parse(line.Text, ref pos, _version);
        }
        catch (FormatException ex)
        {
            // Where the constant starts: "unterminated string" is no use at the end of the line.
            throw Error(line, start, ex.Message);
        }
    }

    private List<PyObject> ConstList(Line line, ref int pos)
    {
        var items = new List<PyObject>();
        while (true)
        {
            ConstText.SkipSpace(line.Text, ref pos);
            if (pos >= line.Text.Length || line.Text[pos] == ';')
                return items;
            items.Add(Const(line, ref pos));
            ConstText.SkipSpace(line.Text, ref pos);
            if (pos < line.Text.Length && line.Text[pos] == ',')
                pos++;
        }
    }

    private static string Token(Line line, ref int pos)
    {
        ConstText.SkipSpace(line.Text, ref pos);
        int start = pos;
        while (pos < line.Text.Length && line.Text[pos] is not (' ' or '\t'))
            pos++;
        return line.Text[start..pos];
    }

    private int Number(Line line, string rest) => ParseInt(line, StripComment(rest).Trim());

    private int ParseInt(Line line, string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint hex))
            return unchecked((int)hex);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Error(line, $"expected a number, found '{text}'");
    }

    private byte[] HexOf(Line line, string text)
    {
        try
        {
            return Convert.FromHexString(StripComment(text).Trim());
        }
        catch (FormatException)
        {
            throw Error(line, $"expected hex digits, found '{text.Trim()}'");
        }
    }

    /// <summary>A line outside string literals up to a ';' comment (used where no literal can follow).</summary>
    private static string StripComment(string text) => text.IndexOf(';') is >= 0 and var i ? text[..i] : text;

    private readonly record struct Line(int Number, string Text);

    /// <summary>The next line that is not blank or only a comment.</summary>
    private Line? Next()
    {
        while (_index < _lines.Length)
        {
            var text = _lines[_index++];
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == ';')
                continue;
            return new Line(_index, text);
        }
        return null;
    }

    private static (string Word, string Tail) Split(Line line)
    {
        var text = line.Text.TrimStart();
        int space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? (text, "") : (text[..space], text[space..]);
    }

    private static AsmException Error(Line line, string message) =>
        new(line.Number, line.Text.Length - line.Text.TrimStart().Length + 1, message);

    private static AsmException Error(Line line, int pos, string message) => new(line.Number, pos + 1, message);
}
