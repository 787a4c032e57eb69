using System.Globalization;
using System.Text;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// str's case mappings and character classes by code point (Objects/unicodeobject.c do_upper, do_lower,
/// do_title, do_capitalize, do_swapcase, do_casefold; Objects/unicodectype.c). .NET gives the simple mappings and
/// the general categories; the full mappings of SpecialCasing.txt that change the length, and the title case of
/// the digraphs, come from the tables here.
/// </summary>
internal static class StrCase
{
    // SpecialCasing.txt unconditional mappings: code point -> (lower, title, upper); CaseFolding.txt F entries.
    private static readonly Dictionary<int, (string Lower, string Title, string Upper)> s_special = new()
    {
        [0x00DF] = ("\u00DF", "Ss", "SS"),
        [0x0130] = ("i\u0307", "\u0130", "\u0130"),
        [0xFB00] = ("\uFB00", "Ff", "FF"),
        [0xFB01] = ("\uFB01", "Fi", "FI"),
        [0xFB02] = ("\uFB02", "Fl", "FL"),
        [0xFB03] = ("\uFB03", "Ffi", "FFI"),
        [0xFB04] = ("\uFB04", "Ffl", "FFL"),
        [0xFB05] = ("\uFB05", "St", "ST"),
        [0xFB06] = ("\uFB06", "St", "ST"),
        [0x0149] = ("\u0149", "\u02BCN", "\u02BCN"),
        [0x01F0] = ("\u01F0", "J\u030C", "J\u030C"),
        [0x0587] = ("\u0587", "\u0535\u0582", "\u0535\u0552"),
    };

    private static readonly Dictionary<int, string> s_fold = new()
    {
        [0x00DF] = "ss", [0x1E9E] = "ss", [0x0130] = "i\u0307", [0xFB00] = "ff", [0xFB01] = "fi", [0xFB02] = "fl",
        [0xFB03] = "ffi", [0xFB04] = "ffl", [0xFB05] = "st", [0xFB06] = "st", [0x0149] = "\u02BCn", [0x01F0] = "j\u030C",
        [0x0587] = "\u0565\u0582", [0x03C2] = "\u03C3",
    };

    private static UnicodeCategory Category(int cp) =>
        cp is >= 0xD800 and <= 0xDFFF ? UnicodeCategory.Surrogate : CharUnicodeInfo.GetUnicodeCategory(cp);

    private static int SimpleUpper(int cp) => cp is >= 0xD800 and <= 0xDFFF ? cp : Rune.ToUpperInvariant(new Rune(cp)).Value;

    private static int SimpleLower(int cp) => cp is >= 0xD800 and <= 0xDFFF ? cp : Rune.ToLowerInvariant(new Rune(cp)).Value;

    /// <summary>The title case of the Latin digraphs DŽ, LJ, NJ, DZ (UnicodeData.txt field 14); else the upper case.</summary>
    private static int SimpleTitle(int cp) => cp switch
    {
        >= 0x01C4 and <= 0x01C6 => 0x01C5,
        >= 0x01C7 and <= 0x01C9 => 0x01C8,
        >= 0x01CA and <= 0x01CC => 0x01CB,
        >= 0x01F1 and <= 0x01F3 => 0x01F2,
        _ => SimpleUpper(cp),
    };

    private static double NumericValue(int cp) => cp switch
    {
        >= 0xD800 and <= 0xDFFF => -1,
        < 0x10000 => CharUnicodeInfo.GetNumericValue((char)cp),
        _ => CharUnicodeInfo.GetNumericValue(char.ConvertFromUtf32(cp), 0),
    };

    public static bool IsUpper(int cp) => Category(cp) == UnicodeCategory.UppercaseLetter;
    public static bool IsLower(int cp) => Category(cp) == UnicodeCategory.LowercaseLetter;
    public static bool IsTitle(int cp) => Category(cp) == UnicodeCategory.TitlecaseLetter;
    public static bool IsCased(int cp) => IsUpper(cp) || IsLower(cp) || IsTitle(cp);

    public static bool IsAlpha(int cp) => Category(cp) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    public static bool IsDecimal(int cp) => Category(cp) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>Numeric_Type Digit or Decimal: decimals, and other numbers whose value is a single digit (², ①).</summary>
    public static bool IsDigit(int cp) => IsDecimal(cp)
        || (Category(cp) == UnicodeCategory.OtherNumber && NumericValue(cp) is var v && v >= 0 && v <= 9 && v == Math.Floor(v));

    public static bool IsNumeric(int cp) => Category(cp) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        || NumericValue(cp) >= 0;

    /// <summary>Printable: not in Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs, except the ASCII space (unicodectype.c).</summary>
    public static bool IsPrintable(int cp) => cp == ' ' || Category(cp) is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);

    /// <summary>XID_Start / XID_Continue, by category (Objects/unicodeobject.c PyUnicode_IsIdentifier).</summary>
    public static bool IsIdentifier(int[] cps)
    {
        if (cps.Length == 0)
            return false;
        for (int i = 0; i < cps.Length; i++)
        {
            int cp = cps[i];
            bool start = cp == '_' || IsAlpha(cp) || Category(cp) == UnicodeCategory.LetterNumber;
            bool ok = start || (i > 0 && Category(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);
            if (!ok)
                return false;
        }
        return true;
    }

    private static void Append(StringBuilder sb, int cp)
    {
        if (cp >= 0x10000)
            sb.Append(char.ConvertFromUtf32(cp));
        else
            sb.Append((char)cp);
    }

    private static void AppendUpper(StringBuilder sb, int cp)
    {
        if (s_special.TryGetValue(cp, out var m))
            sb.Append(m.Upper);
        else
            Append(sb, SimpleUpper(cp));
    }

    private static void AppendTitle(StringBuilder sb, int cp)
    {
        if (s_special.TryGetValue(cp, out var m))
            sb.Append(m.Title);
        else
            Append(sb, SimpleTitle(cp));
    }

    /// <summary>Lower case; a capital sigma at the end of a word is ς (unicodeobject.c handle_capital_sigma).</summary>
    private static void AppendLower(StringBuilder sb, int[] cps, int i)
    {
        int cp = cps[i];
        if (cp == 0x03A3)
        {
            Append(sb, FinalSigma(cps, i) ? 0x03C2 : 0x03C3);
            return;
        }
        if (s_special.TryGetValue(cp, out var m))
            sb.Append(m.Lower);
        else
            Append(sb, SimpleLower(cp));
    }

    /// <summary>A cased letter before (skipping case-ignorables) and none after.</summary>
    private static bool FinalSigma(int[] cps, int i)
    {
        int j = i - 1;
        while (j >= 0 && IsCaseIgnorable(cps[j]))
            j--;
        if (j < 0 || !IsCased(cps[j]))
            return false;
        j = i + 1;
        while (j < cps.Length && IsCaseIgnorable(cps[j]))
            j++;
        return j == cps.Length || !IsCased(cps[j]);
    }

    private static bool IsCaseIgnorable(int cp) => cp is '\'' or '.' or ':' or '^' or '`' or 0xB7 or 0x2019
        || Category(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    /// <summary>Builds the result code point by code point; <paramref name="each"/> appends the mapping of cps[i].</summary>
    private static string Map(PyStr s, Action<StringBuilder, int[], int> each)
    {
        var cps = s.CodePoints();
        var sb = new StringBuilder(s.Value.Length);
        for (int i = 0; i < cps.Length; i++)
            each(sb, cps, i);
        return sb.ToString();
    }

    // ASCII text maps within ASCII with no special cases (Objects/unicodeobject.c takes the same shortcut for
    // ASCII strings): no code point array, no builder.
    public static string Upper(PyStr s) => Ascii.IsValid(s.Value)
        ? string.Create(s.Value.Length, s.Value, static (dst, src) => Ascii.ToUpper(src, dst, out _))
        : Map(s, (sb, cps, i) => AppendUpper(sb, cps[i]));

    public static string Lower(PyStr s) => Ascii.IsValid(s.Value)
        ? string.Create(s.Value.Length, s.Value, static (dst, src) => Ascii.ToLower(src, dst, out _))
        : Map(s, AppendLower);

    public static string CaseFold(PyStr s) => Map(s, (sb, cps, i) =>
    {
        if (s_fold.TryGetValue(cps[i], out var f))
            sb.Append(f);
        else if (cps[i] == 0x03A3)
            sb.Append('\u03C3');
        else
            AppendLower(sb, cps, i);
    });

    public static string SwapCase(PyStr s) => Map(s, (sb, cps, i) =>
    {
        if (IsUpper(cps[i]))
            AppendLower(sb, cps, i);
        else if (IsLower(cps[i]))
            AppendUpper(sb, cps[i]);
        else
            Append(sb, cps[i]);
    });

    /// <summary>str.title: a character after a cased one is lowered, any other is title-cased.</summary>
    public static string Title(PyStr s) => Map(s, (sb, cps, i) =>
    {
        if (i > 0 && IsCased(cps[i - 1]))
            AppendLower(sb, cps, i);
        else
            AppendTitle(sb, cps[i]);
    });

    /// <summary>str.capitalize (3.8+): the first character title-cased, the rest lowered.</summary>
    public static string Capitalize(PyStr s) => Ascii.IsValid(s.Value)
        ? string.Create(s.Value.Length, s.Value, static (dst, src) =>
        {
            Ascii.ToLower(src, dst, out _);
            if (dst.Length > 0)
                dst[0] = char.ToUpperInvariant(dst[0]);
        })
        : Map(s, (sb, cps, i) =>
    {
        if (i == 0)
            AppendTitle(sb, cps[i]);
        else
            AppendLower(sb, cps, i);
    });

    /// <summary>str.istitle: uppercase/titlecase only after uncased, lowercase only after cased, at least one cased.</summary>
    public static bool IsTitled(PyStr s)
    {
        bool cased = false, previousCased = false;
        foreach (var cp in s.CodePoints())
        {
            if (IsUpper(cp) || IsTitle(cp))
            {
                if (previousCased)
                    return false;
                previousCased = cased = true;
            }
            else if (IsLower(cp))
            {
                if (!previousCased)
                    return false;
                previousCased = cased = true;
            }
            else
            {
                previousCased = false;
            }
        }
        return cased;
    }
}
