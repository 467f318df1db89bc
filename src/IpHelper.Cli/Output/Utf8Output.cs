using System.Text;

namespace IpHelper.Cli.Output;

/// <summary>
/// Lines put together as UTF-8 in one 64 KB buffer and handed to the buffered stdout when it fills: the
/// path of tables that stream a million rows (no UTF-16 to UTF-8 encoding per line, no write per line).
/// </summary>
internal sealed class Utf8Output : IDisposable
{
    private const int Size = 64 * 1024;

    private readonly Stream _stdout = StandardStreams.Output;
    private readonly byte[] _buffer = new byte[Size];
    private int _used;

    /// <summary>Starts after what Console.Out still holds, so text written before comes first.</summary>
    public Utf8Output() => Console.Out.Flush();

    /// <summary>Room for at least <paramref name="length"/> bytes (at most 64 KB); say how many were used with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int length)
    {
        if (Size - _used < length) Flush();
        return _buffer.AsSpan(_used);
    }

    public void Advance(int count) => _used += count;

    public void Write(ReadOnlySpan<byte> text)
    {
        text.CopyTo(GetSpan(text.Length));
        Advance(text.Length);
    }

    public void Write(string text)
    {
        var span = GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        Advance(Encoding.UTF8.GetBytes(text, span));
    }

    public void Dispose()
    {
        Flush();
        _stdout.Flush();
    }

    private void Flush()
    {
        if (_used == 0) return;
        _stdout.Write(_buffer, 0, _used);
        _used = 0;
    }
}
