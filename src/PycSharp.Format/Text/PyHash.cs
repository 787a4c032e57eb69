using System.Buffers.Binary;
using System.Numerics;
using PycSharp.Format.Objects;

namespace PycSharp.Format.Text;

/// <summary>
/// <c>hash()</c> of constants as CPython computes it under <c>PYTHONHASHSEED=0</c> (a zero hash secret), for
/// a 64-bit build or a 32-bit one (pyodide, whose wasm32 build also hashes strings with FNV rather than SipHash).
/// Needed to know the order a frozenset iterates in, which is what dis prints. Python/pyhash.c (SipHash-2-4 up to
/// 3.10, SipHash-1-3 from 3.11, FNV where SipHash is unavailable; Python 2's string hash), Objects/longobject.c,
/// Python/pyhash.c _Py_HashDouble, Objects/tupleobject.c (xxHash-based from 3.8).
/// </summary>
public static class PyHash
{
    /// <summary>The hash, or null where CPython's depends on the object's address (None before 3.12, code, …).</summary>
    public static long? Of(PyObject o, PythonVersion version, HashProfile? build = null)
    {
        build ??= HashProfile.Default;
        int bits = build.Bits;
        long? h = o switch
        {
            PyBool b => b.Value ? 1 : 0,
            PyInt i when version.Major < 3 => Python2Int(i, bits),
            PyInt i => Int(i.Value, bits),
            PyFloat when version.Major < 3 => null,
            PyFloat f => Double(f.Value, bits),
            PyString s => s.Payload.Length == 0 ? 0 : String(s.CodePoints(), version, bits),
            PyBytes b => b.Length == 0 ? 0 : Bytes(b.Span, version, bits),
            PyTuple t => Tuple(t, version, build),
            PyNone when version >= new PythonVersion(3, 12) => Wrap(0xFCA86420L, bits),
            PyNone when build.NoneHash is { } none => Fix(Wrap(none, bits)),
            _ => null,
        };
        return h;
    }

    private static long Wrap(long value, int bits) => bits == 32 ? (int)value : value;

    private static long Fix(long h) => h == -1 ? -2 : h;

    /// <summary>
    /// Python 2: an int hashes to itself; a long (Objects/longobject.c of 2.7) to its magnitude modulo
    /// ULONG_MAX (2**64 - 1 here), signed.
    /// </summary>
    private static long? Python2Int(PyInt i, int bits)
    {
        if (!i.IsPython2Long)
            return i.Value >= long.MinValue && i.Value <= long.MaxValue ? Fix((long)i.Value) : null;
        var modulus = bits == 32 ? (BigInteger)uint.MaxValue : (BigInteger)ulong.MaxValue;
        var x = (ulong)(BigInteger.Abs(i.Value) % modulus);
        long h = i.Value.Sign < 0 ? -(long)x : (long)x;
        return Fix(bits == 32 ? (int)h : h);
    }

    /// <summary>Objects/longobject.c long_hash: the value modulo 2**61 - 1 (2**31 - 1 on 32-bit builds), signed.</summary>
    public static long Int(BigInteger value, int bits)
    {
        var modulus = bits == 32 ? (BigInteger)int.MaxValue : (BigInteger.One << 61) - 1;
        var h = (long)(BigInteger.Abs(value) % modulus);
        if (value.Sign < 0)
            h = -h;
        return Fix(h);
    }

    /// <summary>Python/pyhash.c _Py_HashDouble for finite values; infinities are ±314159.</summary>
    public static long? Double(double v, int bits)
    {
        if (double.IsNaN(v))
            return null;
        if (double.IsInfinity(v))
            return v > 0 ? 314159 : -314159;
        int hashBits = bits == 32 ? 31 : 61;
        ulong modulus = (1UL << hashBits) - 1;
        double m = Frexp(v, out int e);
        int sign = 1;
        if (m < 0)
        {
            sign = -1;
            m = -m;
        }
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & modulus) | x >> (hashBits - 28);
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= modulus)
                x -= modulus;
        }
        e = e >= 0 ? e % hashBits : hashBits - 1 - ((-1 - e) % hashBits);
        x = ((x << e) & modulus) | x >> (hashBits - e);
        long result = (long)x * sign;
        return Fix(bits == 32 ? (int)result : result);
    }

    private static double Frexp(double d, out int exponent)
    {
        // d = m * 2**exponent with 0.5 <= |m| < 1, as C's frexp.
        if (d == 0)
        {
            exponent = 0;
            return d;
        }
        long bitsOf = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bitsOf >> 52) & 0x7FF);
        if (exp == 0)
        {
            // Subnormal: scale up first.
            d *= 18014398509481984.0; // 2**54
            bitsOf = BitConverter.DoubleToInt64Bits(d);
            exp = (int)((bitsOf >> 52) & 0x7FF) - 54;
        }
        exponent = exp - 1022;
        bitsOf = (bitsOf & ~(0x7FFL << 52)) | (1022L << 52);
        return BitConverter.Int64BitsToDouble(bitsOf);
    }

    /// <summary>str: the hash of the string's internal form (1, 2 or 4 bytes per code point; Python 2: see below).</summary>
    private static long String(int[] cps, PythonVersion version, int bits)
    {
        int max = 0;
        foreach (var c in cps)
            max = Math.Max(max, c);
        if (version.Major < 3)
        {
            // Python 2 unicode: Py_UNICODE units (UCS4 on this build), hashed by the FNV-style loop below.
            return Fnv2(cps.Select(c => (long)c).ToArray(), bits);
        }
        int width = max < 256 ? 1 : max < 65536 ? 2 : 4;
        var data = new byte[cps.Length * width];
        for (int i = 0; i < cps.Length; i++)
        {
            switch (width)
            {
                case 1: data[i] = (byte)cps[i]; break;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(i * 2), (ushort)cps[i]); break;
                default: BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(i * 4), cps[i]); break;
            }
        }
        return Bytes(data, version, bits);
    }

    private static long Bytes(ReadOnlySpan<byte> data, PythonVersion version, int bits)
    {
        if (version.Major < 3)
        {
            var units = new long[data.Length];
            for (int i = 0; i < data.Length; i++)
                units[i] = data[i];
            return Fnv2(units, bits);
        }
        if (bits == 32)
            return Fnv32(data);
        ulong h = SipHash(data, compressionRounds: version >= new PythonVersion(3, 11) ? 1 : 2,
            finalizationRounds: version >= new PythonVersion(3, 11) ? 3 : 4);
        return Fix((long)h);
    }

    /// <summary>Python 2's string hash (Objects/stringobject.c string_hash) with a zero prefix and suffix.</summary>
    private static long Fnv2(long[] units, int bits)
    {
        if (units.Length == 0)
            return 0;
        ulong x = (ulong)(units[0] << 7);
        foreach (var u in units)
            x = (1000003UL * x) ^ (ulong)u;
        x ^= (ulong)units.Length;
        long h = bits == 32 ? (int)x : (long)x;
        return Fix(h);
    }

    /// <summary>
    /// Python/pyhash.c fnv() for a 32-bit Py_uhash_t: the first byte shifted in, then 4-byte little-endian blocks
    /// and the remaining bytes multiplied in by 1000003, the length xored at the end (zero prefix and suffix).
    /// </summary>
    private static long Fnv32(ReadOnlySpan<byte> p)
    {
        int remainder = p.Length % 4;
        if (remainder == 0)
            remainder = 4;
        int blocks = (p.Length - remainder) / 4;
        uint x = (uint)p[0] << 7;
        int i = 0;
        for (; blocks > 0; blocks--, i += 4)
            x = (1000003U * x) ^ BinaryPrimitives.ReadUInt32LittleEndian(p[i..]);
        for (; remainder > 0; remainder--)
            x = (1000003U * x) ^ p[i++];
        x ^= (uint)p.Length;
        return Fix((int)x);
    }

    /// <summary>
    /// hash() of a str's internal form or of bytes on a 64-bit CPython 3.11+ (SipHash-1-3 with the zero key of
    /// PYTHONHASHSEED=0; the empty string hashes to 0). The VM hashes strings with this.
    /// </summary>
    public static long SipHash13(ReadOnlySpan<byte> data) => data.Length == 0 ? 0 : Fix((long)SipHash(data, 1, 3));

    /// <summary>SipHash with both keys zero; CPython's variant returns v0^v1^v2^v3.</summary>
    private static ulong SipHash(ReadOnlySpan<byte> data, int compressionRounds, int finalizationRounds)
    {
        ulong v0 = 0x736f6d6570736575UL, v1 = 0x646f72616e646f6dUL, v2 = 0x6c7967656e657261UL, v3 = 0x7465646279746573UL;
        ulong b = (ulong)data.Length << 56;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            ulong m = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]);
            v3 ^= m;
            for (int r = 0; r < compressionRounds; r++)
                Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }
        ulong t = 0;
        for (int k = data.Length - i - 1; k >= 0; k--)
            t = (t << 8) | data[i + k];
        b |= t;
        v3 ^= b;
        for (int r = 0; r < compressionRounds; r++)
            Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= b;
        v2 ^= 0xff;
        for (int r = 0; r < finalizationRounds; r++)
            Round(ref v0, ref v1, ref v2, ref v3);
        return (v0 ^ v1) ^ (v2 ^ v3);
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1; v2 += v3;
        v1 = BitOperations.RotateLeft(v1, 13) ^ v0;
        v3 = BitOperations.RotateLeft(v3, 16) ^ v2;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v1; v0 += v3;
        v1 = BitOperations.RotateLeft(v1, 17) ^ v2;
        v3 = BitOperations.RotateLeft(v3, 21) ^ v0;
        v2 = BitOperations.RotateLeft(v2, 32);
    }

    /// <summary>A 64-bit 3.8+ tuple hash from the hashes of its items (xxHash-based, Objects/tupleobject.c tuplehash).</summary>
    public static long TupleOfHashes(ReadOnlySpan<long> lanes)
    {
        ulong acc = 2870177450012600261UL;
        foreach (var lane in lanes)
        {
            acc += unchecked((ulong)lane * 14029467366897019727UL);
            acc = BitOperations.RotateLeft(acc, 31);
            acc *= 11400714785074694791UL;
        }
        acc += (ulong)lanes.Length ^ (2870177450012600261UL ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : (long)acc;
    }

    /// <summary>Objects/tupleobject.c tuplehash: xxHash-based from 3.8 (the older algorithm before).</summary>
    private static long? Tuple(PyTuple t, PythonVersion version, HashProfile build)
    {
        int bits = build.Bits;
        var lanes = new long[t.Count];
        for (int i = 0; i < t.Count; i++)
        {
            if (Of(t[i], version, build) is not { } h)
                return null;
            lanes[i] = h;
        }
        if (version >= new PythonVersion(3, 8))
        {
            if (bits == 32)
            {
                uint acc = 374761393U;
                foreach (var lane in lanes)
                {
                    acc += unchecked((uint)lane * 2246822519U);
                    acc = BitOperations.RotateLeft(acc, 13);
                    acc *= 2654435761U;
                }
                acc += (uint)lanes.Length ^ (374761393U ^ 3527539U);
                return acc == uint.MaxValue ? 1546275796 : (int)acc;
            }
            return TupleOfHashes(lanes);
        }
        // Before 3.8 (Objects/tupleobject.c): x = 0x345678; mult = 1000003; per item x = (x ^ y) * mult; mult += 82520 + 2*len.
        ulong x = 0x345678UL;
        ulong mult = 1000003UL;
        long len = lanes.Length;
        foreach (var lane in lanes)
        {
            x = (x ^ (ulong)lane) * mult;
            len--;
            mult += (ulong)(82520L + len + len);
        }
        x += 97531UL;
        long r = bits == 32 ? (int)x : (long)x;
        return Fix(r);
    }
}
