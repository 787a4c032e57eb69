using System.Text;

namespace PycSharp.Cli;

/// <summary>
/// A UTF-8 text writer (no BOM) whose buffers are reused from one target stream to the next. `pyc dis -o` writes
/// one file per input: a StreamWriter per file allocated its own 64 K-char and 192 KB buffers each time, which on
/// the 15,152 files of the 3.11 standard library meant 5 GB of large-object allocations and the full collections
/// that come with them. Each worker thread keeps one of these instead (<see cref="ForThisThread"/>).
/// </summary>
internal sealed class Utf8Output : TextWriter
{
    private const int CharCapacity = 1 << 15;

    [ThreadStatic]
    private static Utf8Output? t_instance;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly char[] _chars = new char[CharCapacity];
    private readonly byte[] _bytes = new byte[s_utf8.GetMaxByteCount(CharCapacity)];
    private readonly Encoder _encoder = s_utf8.GetEncoder();
    private int _count;
    private Stream? _target;

    public static Utf8Output ForThisThread() => t_instance ??= new Utf8Output();

    public override Encoding Encoding => s_utf8;

    /// <summary>Starts writing to <paramref name="target"/>; <see cref="Finish"/> flushes and closes it if asked.</summary>
    public void Start(Stream target)
    {
        _target = target;
        _count = 0;
        _encoder.Reset();
    }

    /// <summary>Writes out everything buffered (a split surrogate pair included) and lets go of the target.</summary>
    public void Finish(bool closeTarget)
    {
        var target = _target;
        if (target is null)
            return;
        try
        {
            Drain(final: true);
            target.Flush();
        }
        finally
        {
            _target = null;
            _count = 0;
            if (closeTarget)
                target.Dispose();
        }
    }

    public override void Write(char value)
    {
        if (_count == CharCapacity)
            Drain(final: false);
        _chars[_count++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            if (_count == CharCapacity)
                Drain(final: false);
            int n = Math.Min(buffer.Length, CharCapacity - _count);
            buffer[..n].CopyTo(_chars.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    private void Drain(bool final)
    {
        var target = _target ?? throw new InvalidOperationException("Utf8Output: no target stream");
        int bytes = _encoder.GetBytes(_chars, 0, _count, _bytes, 0, final);
        _count = 0;
        target.Write(_bytes, 0, bytes);
    }
}
