using System.Text;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// The codecs files and bytes/str conversions need: utf-8, latin-1 and ascii with the strict, replace and
/// ignore error handlers, raising UnicodeDecodeError/UnicodeEncodeError as Objects/unicodeobject.c does.
/// </summary>
internal static class Codecs
{
    /// <summary>Python's normalized codec name (Lib/encodings/aliases.py for the supported ones).</summary>
    public static string Normalize(string encoding)
    {
        string e = encoding.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return e switch
        {
            "utf_8" or "utf8" or "u8" or "cp65001" => "utf-8",
            "latin_1" or "latin1" or "latin" or "iso_8859_1" or "iso8859_1" or "8859" or "cp819" or "l1" => "latin-1",
            "ascii" or "us_ascii" or "646" => "ascii",
            _ => throw New(PyType.LookupError, $"unknown encoding: {encoding}"),
        };
    }

    private static PyException New(PyType type, string message) => Err.New(type, message);

    public static string Decode(byte[] data, string encoding, string errors)
    {
        string codec = Normalize(encoding);
        var sb = new StringBuilder(data.Length);
        int i = 0;
        while (i < data.Length)
        {
            byte b = data[i];
            if (b < 0x80 || codec == "latin-1")
            {
                if (b >= 0x80 && codec == "ascii")
                {
                    Bad(sb, data, codec, errors, i, i + 1, "ordinal not in range(128)");
                    i++;
                    continue;
                }
                sb.Append((char)b);
                i++;
                continue;
            }
            if (codec == "ascii")
            {
                Bad(sb, data, codec, errors, i, i + 1, "ordinal not in range(128)");
                i++;
                continue;
            }
            int n = Utf8Sequence(data, i, out string? reason, out int end);
            if (reason is not null)
            {
                Bad(sb, data, codec, errors, i, end, reason);
                i = end;
                continue;
            }
            sb.Append(Encoding.UTF8.GetString(data, i, n));
            i += n;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The length of the well-formed UTF-8 sequence at i, or a reason and the end of the maximal invalid part
    /// (Objects/stringlib/codecs.h: invalid start byte, invalid continuation byte, unexpected end of data).
    /// </summary>
    private static int Utf8Sequence(byte[] d, int i, out string? reason, out int end)
    {
        byte b = d[i];
        int need;
        byte lo = 0x80, hi = 0xBF;
        if (b is >= 0xC2 and <= 0xDF)
            need = 1;
        else if (b is >= 0xE0 and <= 0xEF)
        {
            need = 2;
            if (b == 0xE0)
                lo = 0xA0;
            else if (b == 0xED)
                hi = 0x9F;
        }
        else if (b is >= 0xF0 and <= 0xF4)
        {
            need = 3;
            if (b == 0xF0)
                lo = 0x90;
            else if (b == 0xF4)
                hi = 0x8F;
        }
        else
        {
            reason = "invalid start byte";
            end = i + 1;
            return 0;
        }
        for (int k = 1; k <= need; k++)
        {
            if (i + k >= d.Length)
            {
                reason = "unexpected end of data";
                end = d.Length;
                return 0;
            }
            byte c = d[i + k];
            bool ok = k == 1 ? c >= lo && c <= hi : c is >= 0x80 and <= 0xBF;
            if (!ok)
            {
                reason = "invalid continuation byte";
                end = i + k;
                return 0;
            }
        }
        reason = null;
        end = i + need + 1;
        return need + 1;
    }

    private static void Bad(StringBuilder sb, byte[] data, string codec, string errors, int start, int end, string reason)
    {
        switch (errors)
        {
            case "replace":
                sb.Append('\uFFFD');
                return;
            case "ignore":
                return;
            case "surrogateescape":
                for (int k = start; k < end; k++)
                    sb.Append((char)(0xDC00 + data[k]));
                return;
        }
        var e = Err.Make(PyType.UnicodeDecodeError, PyTuple.Of(PyStr.Of(codec), new PyBytes(data), PyInt.Of(start), PyInt.Of(end), PyStr.Of(reason)));
        SetDetails(e, codec, new PyBytes(data), start, end, reason);
        throw new PyException(e);
    }

    private static void SetDetails(PyBaseException e, string codec, PyObject obj, int start, int end, string reason)
    {
        e.Dict!.SetStr("encoding", PyStr.Of(codec));
        e.Dict!.SetStr("object", obj);
        e.Dict!.SetStr("start", PyInt.Of(start));
        e.Dict!.SetStr("end", PyInt.Of(end));
        e.Dict!.SetStr("reason", PyStr.Of(reason));
    }

    public static byte[] Encode(string text, string encoding, string errors)
    {
        string codec = Normalize(encoding);
        if (codec == "utf-8")
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
                    return EncodeSlow(text, codec, errors, 0x10FFFF, "surrogates not allowed");
                if (char.IsHighSurrogate(text[i]))
                    i++;
            }
            return Encoding.UTF8.GetBytes(text);
        }
        return EncodeSlow(text, codec, errors, codec == "ascii" ? 0x7F : 0xFF, codec == "ascii" ? "ordinal not in range(128)" : "ordinal not in range(256)");
    }

    private static byte[] EncodeSlow(string text, string codec, string errors, int limit, string reason)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            int cp = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            bool surrogate = cp is >= 0xD800 and <= 0xDFFF;
            if (cp <= limit && !surrogate)
            {
                if (codec == "utf-8")
                    bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp)));
                else
                    bytes.Add((byte)cp);
            }
            else if (errors == "replace")
            {
                bytes.Add((byte)'?');
            }
            else if (errors != "ignore")
            {
                var e = Err.Make(PyType.UnicodeEncodeError, PyTuple.Of(PyStr.Of(codec), PyStr.Of(text), PyInt.Of(i), PyInt.Of(i + 1), PyStr.Of(reason)));
                SetDetails(e, codec, PyStr.Of(text), i, i + 1, reason);
                throw new PyException(e);
            }
            if (cp > 0xFFFF)
                i++;
        }
        return bytes.ToArray();
    }
}
