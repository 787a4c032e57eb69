using System.Text;

namespace PycSharp.Format.Marshal;

/// <summary>
/// UTF-8 with Python's "surrogatepass" error handler, the encoding of marshalled <c>str</c>
/// (Python/marshal.c: <c>PyUnicode_DecodeUTF8(buffer, n, "surrogatepass")</c>): standard UTF-8, except that the
/// surrogate code points U+D800..U+DFFF are allowed and encoded alone as 3-byte sequences.
/// </summary>
internal static class Utf8Surrogatepass
{
    /// <summary>Returns -1 if valid, else the index of the first bad byte and the reason CPython gives.</summary>
    public static int FindError(ReadOnlySpan<byte> s, out string reason)
    {
        reason = "";
        if (System.Text.Unicode.Utf8.IsValid(s))
            return -1;
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i];
            if (b < 0x80) { i++; continue; }
            int need;
            int min;
            if (b >= 0xC2 && b <= 0xDF) { need = 1; min = 0x80; }
            else if (b >= 0xE0 && b <= 0xEF) { need = 2; min = 0x800; }
            else if (b >= 0xF0 && b <= 0xF4) { need = 3; min = 0x10000; }
            else { reason = "invalid start byte"; return i; }
            if (i + need >= s.Length)
            {
                // Not enough bytes left: CPython reports "unexpected end of data" when what is there is a valid prefix.
                for (int k = 1; i + k < s.Length; k++)
                    if ((s[i + k] & 0xC0) != 0x80) { reason = "invalid continuation byte"; return i; }
                reason = "unexpected end of data";
                return i;
            }
            int cp = b & (0x3F >> need);
            for (int k = 1; k <= need; k++)
            {
                byte c = s[i + k];
                if ((c & 0xC0) != 0x80) { reason = "invalid continuation byte"; return i; }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF) { reason = "invalid continuation byte"; return i; }
            i += need + 1;
        }
        return -1;
    }

    /// <summary>Decodes valid data (check with <see cref="FindError"/> first) to code points.</summary>
    public static int[] Decode(ReadOnlySpan<byte> s)
    {
        var result = new List<int>(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i];
            if (b < 0x80) { result.Add(b); i++; continue; }
            int need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
            int cp = b & (0x3F >> need);
            for (int k = 1; k <= need && i + k < s.Length; k++)
                cp = (cp << 6) | (s[i + k] & 0x3F);
            result.Add(cp);
            i += need + 1;
        }
        return result.ToArray();
    }

    /// <summary>.NET text for valid data; surrogate code points become single UTF-16 chars.</summary>
    public static string ToUtf16(ReadOnlySpan<byte> s)
    {
        if (System.Text.Unicode.Utf8.IsValid(s))
            return Encoding.UTF8.GetString(s);
        var sb = new StringBuilder(s.Length);
        foreach (var cp in Decode(s))
        {
            if (cp >= 0x10000)
                sb.Append(char.ConvertFromUtf32(cp));
            else
                sb.Append((char)cp);
        }
        return sb.ToString();
    }

    public static byte[] Encode(ReadOnlySpan<int> codePoints)
    {
        var result = new List<byte>(codePoints.Length * 2);
        foreach (var cp in codePoints)
        {
            if (cp < 0x80)
                result.Add((byte)cp);
            else if (cp < 0x800)
            {
                result.Add((byte)(0xC0 | (cp >> 6)));
                result.Add((byte)(0x80 | (cp & 0x3F)));
            }
            else if (cp < 0x10000)
            {
                result.Add((byte)(0xE0 | (cp >> 12)));
                result.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                result.Add((byte)(0x80 | (cp & 0x3F)));
            }
            else
            {
                result.Add((byte)(0xF0 | (cp >> 18)));
                result.Add((byte)(0x80 | ((cp >> 12) & 0x3F)));
                result.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                result.Add((byte)(0x80 | (cp & 0x3F)));
            }
        }
        return result.ToArray();
    }

    /// <summary>Code points of .NET text: surrogate pairs combine, unpaired surrogates stay as they are.</summary>
    public static int[] CodePointsOf(string text)
    {
        var result = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(char.ConvertToUtf32(c, text[i + 1]));
                i++;
            }
            else
                result.Add(c);
        }
        return result.ToArray();
    }
}
