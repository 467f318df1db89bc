namespace IpHelper.Cli.Output;

/// <summary>
/// A JSON array of rows written by hand into the <see cref="Utf8Output"/> buffer, laid out as Utf8JsonWriter
/// indents one: "[" first, each row after ",\n  " (the first after "\n  "), then "\n]" (or "[]" when empty)
/// and a newline.
/// </summary>
internal abstract class JsonArrayText : IDisposable
{
    private bool _any;

    protected JsonArrayText() => Output.Write("["u8);

    /// <summary>The buffered standard output the array goes to.</summary>
    protected Utf8Output Output { get; } = new();

    /// <summary>Room for one row of at most <paramref name="room"/> bytes, its separator already in it (<paramref name="written"/> bytes).</summary>
    protected Span<byte> BeginRow(int room, out int written)
    {
        var line = Output.GetSpan(room);
        written = Put(line, 0, _any ? ",\n  "u8 : "\n  "u8);
        _any = true;
        return line;
    }

    /// <summary>Closes the array and ends the line.</summary>
    public void Dispose()
    {
        Output.Write(_any ? "\n]\n"u8 : "]\n"u8);
        Output.Dispose();
    }

    /// <summary>Copies <paramref name="text"/> into <paramref name="line"/> at <paramref name="at"/>; returns where it ends.</summary>
    protected static int Put(Span<byte> line, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(line[at..]);
        return at + text.Length;
    }
}
