using System.Globalization;
using System.Text;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// str.encode and bytes.decode for the codecs programs use: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with the
/// error handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape and surrogatepass
/// (Objects/unicodeobject.c, Objects/stringlib/codecs.h, Python/codecs.c). Errors are UnicodeEncodeError and
/// UnicodeDecodeError with CPython's attributes and messages.
/// </summary>
internal static class Codecs
{
    public static void Install()
    {
        foreach (var t in new[] { PyType.UnicodeEncodeError, PyType.UnicodeDecodeError })
        {
            TypeSetup.Getter(t, "encoding", o => Arg(o, 0));
            TypeSetup.Getter(t, "object", o => Arg(o, 1));
            TypeSetup.Getter(t, "start", o => Arg(o, 2));
            TypeSetup.Getter(t, "end", o => Arg(o, 3));
            TypeSetup.Getter(t, "reason", o => Arg(o, 4));
        }
        // Objects/exceptions.c UnicodeEncodeError_str / UnicodeDecodeError_str.
        PyType.UnicodeEncodeError.Str = o =>
        {
            var a = ((PyBaseException)o).Args;
            if (a.Count != 5 || a[1] is not PyStr s || a[2] is not PyInt st || a[3] is not PyInt en)
                return a.Count == 1 ? Ops.Str(a[0]) : a.Count == 0 ? PyStr.Empty : Ops.Str(a);
            var cps = s.CodePoints();
            string enc = Ops.StrText(a[0]), reason = Ops.StrText(a[4]);
            if (en.Small == st.Small + 1 && st.Small < cps.Length)
            {
                int cp = cps[st.Small];
                string shown = cp < 0x100 ? $"\\x{cp:x2}" : cp < 0x10000 ? $"\\u{cp:x4}" : $"\\U{cp:x8}";
                return PyStr.Of($"'{enc}' codec can't encode character '{shown}' in position {st.Small}: {reason}");
            }
            return PyStr.Of($"'{enc}' codec can't encode characters in position {st.Small}-{en.Small - 1}: {reason}");
        };
        PyType.UnicodeDecodeError.Str = o =>
        {
            var a = ((PyBaseException)o).Args;
            if (a.Count != 5 || BytesSetup.BufferOrNull(a[1]) is not { } b || a[2] is not PyInt st || a[3] is not PyInt en)
                return a.Count == 1 ? Ops.Str(a[0]) : a.Count == 0 ? PyStr.Empty : Ops.Str(a);
            string enc = Ops.StrText(a[0]), reason = Ops.StrText(a[4]);
            if (en.Small == st.Small + 1 && st.Small < b.Length)
                return PyStr.Of($"'{enc}' codec can't decode byte 0x{b[st.Small]:x2} in position {st.Small}: {reason}");
            return PyStr.Of($"'{enc}' codec can't decode bytes in position {st.Small}-{en.Small - 1}: {reason}");
        };
    }

    private static PyObject Arg(PyObject o, int i) => ((PyBaseException)o).Args is var a && a.Count > i ? a[i] : PyNone.Instance;

    /// <summary>Python/codecs.c normalizestring plus the aliases of Lib/encodings/aliases.py we know.</summary>
    internal static string Normalize(string encoding)
    {
        var e = encoding.ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return e switch
        {
            "utf-8" or "utf8" or "u8" or "utf" or "cp65001" => "utf-8",
            "ascii" or "us-ascii" or "646" => "ascii",
            "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1" or "8859" or "cp819" or "l1" or "latin" => "latin-1",
            "utf-16" or "utf16" => "utf-16",
            "utf-16-le" or "utf-16le" => "utf-16-le",
            "utf-16-be" or "utf-16be" => "utf-16-be",
            "utf-32" or "utf32" => "utf-32",
            "utf-32-le" or "utf-32le" => "utf-32-le",
            "utf-32-be" or "utf-32be" => "utf-32-be",
            _ => throw Err.New(PyType.LookupError, $"unknown encoding: {encoding}"),
        };
    }

    public static byte[] Encode(PyStr s, string encoding, string errors)
    {
        var codec = Normalize(encoding);
        var cps = s.CodePoints();
        var r = new List<byte>(cps.Length);
        if (codec == "utf-16")
            r.AddRange([0xFF, 0xFE]);
        else if (codec == "utf-32")
            r.AddRange([0xFF, 0xFE, 0, 0]);
        int limit = codec switch { "ascii" => 0x80, "latin-1" => 0x100, _ => 0x110000 };
        for (int i = 0; i < cps.Length; i++)
        {
            int cp = cps[i];
            bool surrogate = cp is >= 0xD800 and <= 0xDFFF;
            if (cp < limit && !surrogate)
            {
                Put(r, codec, cp);
                continue;
            }
            // A run of characters the codec cannot encode is one error (unicode_encode_call_errorhandler).
            int end = i + 1;
            while (end < cps.Length && (cps[end] >= limit || cps[end] is >= 0xD800 and <= 0xDFFF))
                end++;
            string reason = codec switch { "ascii" => "ordinal not in range(128)", "latin-1" => "ordinal not in range(256)", _ => "surrogates not allowed" };
            if (limit == 0x110000)
            {
                // Only surrogates fail in the UTF codecs, and the run is only the surrogates.
                end = i + 1;
                while (end < cps.Length && cps[end] is >= 0xD800 and <= 0xDFFF)
                    end++;
            }
            switch (errors)
            {
                case "ignore":
                    break;
                case "replace":
                    for (int j = i; j < end; j++)
                        Put(r, codec, '?');
                    break;
                case "xmlcharrefreplace":
                    for (int j = i; j < end; j++)
                        PutText(r, codec, "&#" + cps[j].ToString(CultureInfo.InvariantCulture) + ";");
                    break;
                case "backslashreplace":
                    for (int j = i; j < end; j++)
                        PutText(r, codec, Escape(cps[j]));
                    break;
                case "surrogateescape" when cps.AsSpan(i, end - i).ToArray().All(c => c is >= 0xDC80 and <= 0xDCFF):
                    for (int j = i; j < end; j++)
                        r.Add((byte)(cps[j] - 0xDC00));
                    break;
                case "surrogatepass" when limit == 0x110000 && cps.AsSpan(i, end - i).ToArray().All(c => c is >= 0xD800 and <= 0xDFFF):
                    for (int j = i; j < end; j++)
                        Put(r, codec, cps[j]);
                    break;
                default:
                    if (errors is not ("strict" or "surrogateescape" or "surrogatepass"))
                        throw Err.New(PyType.LookupError, $"unknown error handler name '{errors}'");
                    throw new PyException(Err.Make(PyType.UnicodeEncodeError,
                        PyTuple.Of(PyStr.Of(codec), s, PyInt.Of(i), PyInt.Of(end), PyStr.Of(reason))));
            }
            i = end - 1;
        }
        return [.. r];
    }

    private static string Escape(int cp) =>
        cp < 0x100 ? $"\\x{cp:x2}" : cp < 0x10000 ? $"\\u{cp:x4}" : $"\\U{cp:x8}";

    private static void PutText(List<byte> r, string codec, string ascii)
    {
        foreach (var c in ascii)
            Put(r, codec, c);
    }

    private static void Put(List<byte> r, string codec, int cp)
    {
        switch (codec)
        {
            case "ascii" or "latin-1":
                r.Add((byte)cp);
                break;
            case "utf-8":
                if (cp < 0x80)
                    r.Add((byte)cp);
                else if (cp < 0x800)
                    r.AddRange([(byte)(0xC0 | cp >> 6), (byte)(0x80 | (cp & 0x3F))]);
                else if (cp < 0x10000)
                    r.AddRange([(byte)(0xE0 | cp >> 12), (byte)(0x80 | ((cp >> 6) & 0x3F)), (byte)(0x80 | (cp & 0x3F))]);
                else
                    r.AddRange([(byte)(0xF0 | cp >> 18), (byte)(0x80 | ((cp >> 12) & 0x3F)), (byte)(0x80 | ((cp >> 6) & 0x3F)), (byte)(0x80 | (cp & 0x3F))]);
                break;
            case "utf-16" or "utf-16-le" or "utf-16-be":
            {
                bool be = codec == "utf-16-be";
                if (cp >= 0x10000)
                {
                    int v = cp - 0x10000;
                    Unit16(r, 0xD800 | (v >> 10), be);
                    Unit16(r, 0xDC00 | (v & 0x3FF), be);
                }
                else
                {
                    Unit16(r, cp, be);
                }
                break;
            }
            default:
            {
                var b = BitConverter.GetBytes(cp);
                if (codec == "utf-32-be")
                    Array.Reverse(b);
                r.AddRange(b);
                break;
            }
        }
    }

    private static void Unit16(List<byte> r, int unit, bool bigEndian)
    {
        if (bigEndian)
            r.AddRange([(byte)(unit >> 8), (byte)unit]);
        else
            r.AddRange([(byte)unit, (byte)(unit >> 8)]);
    }

    public static PyStr Decode(byte[] data, string encoding, string errors)
    {
        var codec = Normalize(encoding);
        var cps = new List<int>(data.Length);
        switch (codec)
        {
            case "latin-1":
                foreach (var b in data)
                    cps.Add(b);
                break;
            case "ascii":
                for (int i = 0; i < data.Length; i++)
                {
                    if (data[i] < 0x80)
                        cps.Add(data[i]);
                    else
                        Handle(cps, data, i, i + 1, "ascii", "ordinal not in range(128)", errors);
                }
                break;
            case "utf-8":
                DecodeUtf8(cps, data, errors);
                break;
            case "utf-16" or "utf-16-le" or "utf-16-be":
            {
                bool be = codec == "utf-16-be";
                int i = 0;
                if (codec == "utf-16" && data.Length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
                {
                    be = data[0] == 0xFE;
                    i = 2;
                }
                var units = new List<int>();
                for (; i + 1 < data.Length; i += 2)
                    units.Add(be ? data[i] << 8 | data[i + 1] : data[i + 1] << 8 | data[i]);
                for (int j = 0; j < units.Count; j++)
                {
                    if (units[j] is >= 0xD800 and <= 0xDBFF && j + 1 < units.Count && units[j + 1] is >= 0xDC00 and <= 0xDFFF)
                    {
                        cps.Add(0x10000 + ((units[j] - 0xD800) << 10) + (units[j + 1] - 0xDC00));
                        j++;
                    }
                    else
                    {
                        cps.Add(units[j]);
                    }
                }
                if (i < data.Length)
                    Handle(cps, data, i, data.Length, codec, "truncated data", errors);
                break;
            }
            default:
            {
                bool be = codec == "utf-32-be";
                int i = 0;
                if (codec == "utf-32" && data.Length >= 4 && data[0] == 0xFF && data[1] == 0xFE && data[2] == 0 && data[3] == 0)
                    i = 4;
                for (; i + 3 < data.Length; i += 4)
                    cps.Add(be ? data[i] << 24 | data[i + 1] << 16 | data[i + 2] << 8 | data[i + 3]
                        : data[i + 3] << 24 | data[i + 2] << 16 | data[i + 1] << 8 | data[i]);
                if (i < data.Length)
                    Handle(cps, data, i, data.Length, codec, "truncated data", errors);
                break;
            }
        }
        return PyStr.FromCodePoints(cps.ToArray());
    }

    /// <summary>A decoding error over data[start:end]: the handler's replacement, or UnicodeDecodeError.</summary>
    private static void Handle(List<int> cps, byte[] data, int start, int end, string codec, string reason, string errors)
    {
        switch (errors)
        {
            case "ignore":
                return;
            case "replace":
                cps.Add(0xFFFD);
                return;
            case "backslashreplace":
                for (int i = start; i < end; i++)
                    foreach (var c in $"\\x{data[i]:x2}")
                        cps.Add(c);
                return;
            case "surrogateescape" when data.AsSpan(start, end - start).IndexOfAnyInRange((byte)0, (byte)0x7F) < 0:
                for (int i = start; i < end; i++)
                    cps.Add(0xDC00 + data[i]);
                return;
            case "strict" or "surrogateescape" or "surrogatepass":
                throw new PyException(Err.Make(PyType.UnicodeDecodeError,
                    PyTuple.Of(PyStr.Of(codec), new PyBytes(data), PyInt.Of(start), PyInt.Of(end), PyStr.Of(reason))));
            default:
                throw Err.New(PyType.LookupError, $"unknown error handler name '{errors}'");
        }
    }

    /// <summary>
    /// UTF-8 as Objects/stringlib/codecs.h utf8_decode reads it: each maximal invalid prefix is one error,
    /// "invalid start byte", "invalid continuation byte" or "unexpected end of data".
    /// </summary>
    private static void DecodeUtf8(List<int> cps, byte[] d, string errors)
    {
        bool pass = errors == "surrogatepass";
        int i = 0;
        while (i < d.Length)
        {
            byte b = d[i];
            if (b < 0x80)
            {
                cps.Add(b);
                i++;
                continue;
            }
            int need;
            int cp;
            byte lo = 0x80, hi = 0xBF;
            if (b is >= 0xC2 and <= 0xDF)
            {
                need = 1;
                cp = b & 0x1F;
            }
            else if (b is >= 0xE0 and <= 0xEF)
            {
                need = 2;
                cp = b & 0x0F;
                if (b == 0xE0)
                    lo = 0xA0;
                else if (b == 0xED && !pass)
                    hi = 0x9F;
            }
            else if (b is >= 0xF0 and <= 0xF4)
            {
                need = 3;
                cp = b & 0x07;
                if (b == 0xF0)
                    lo = 0x90;
                else if (b == 0xF4)
                    hi = 0x8F;
            }
            else
            {
                Handle(cps, d, i, i + 1, "utf-8", "invalid start byte", errors);
                i++;
                continue;
            }
            int j = i + 1;
            bool bad = false;
            for (int k = 0; k < need; k++, j++)
            {
                if (j >= d.Length)
                {
                    Handle(cps, d, i, d.Length, "utf-8", "unexpected end of data", errors);
                    bad = true;
                    break;
                }
                byte c = d[j];
                if (c < (k == 0 ? lo : 0x80) || c > (k == 0 ? hi : 0xBF))
                {
                    Handle(cps, d, i, j, "utf-8", "invalid continuation byte", errors);
                    bad = true;
                    break;
                }
                cp = cp << 6 | (c & 0x3F);
            }
            if (bad)
            {
                i = j >= d.Length ? d.Length : j;
                continue;
            }
            cps.Add(cp);
            i = j;
        }
    }
}
