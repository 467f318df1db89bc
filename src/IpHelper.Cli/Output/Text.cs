using System.Globalization;
using System.Text;

namespace IpHelper.Cli.Output;

/// <summary>Formatting shared by the table and JSON outputs.</summary>
internal static class Text
{
    /// <summary>"aa:bb:cc:dd:ee:ff", lower case; empty for no bytes.</summary>
    public static string Mac(ReadOnlySpan<byte> bytes)
    {
        Span<byte> text = stackalloc byte[MacLength(bytes)];
        return Encoding.ASCII.GetString(text[..FormatMacUtf8(bytes, text)]);
    }

    /// <summary>Room for <see cref="FormatMacUtf8"/>'s text of <paramref name="bytes"/>.</summary>
    public static int MacLength(ReadOnlySpan<byte> bytes) => Math.Max(bytes.Length * 3, 1);

    /// <summary>A MAC as "aa:bb:cc:dd:ee:ff", in UTF-8; returns the length written.</summary>
    public static int FormatMacUtf8(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0) destination[written++] = (byte)':';
            destination[written++] = (byte)"0123456789abcdef"[bytes[i] >> 4];
            destination[written++] = (byte)"0123456789abcdef"[bytes[i] & 0xF];
        }
        return written;
    }

    /// <summary>The enum member's name without the Windows type prefix ("IfOperStatusUp" -> "Up").</summary>
    public static string EnumName<T>(T value, string prefix) where T : struct, Enum
    {
        // Enum.ToString allocates and looks the name up each time: a million routes ask for two each.
        var names = EnumNames<T>.ByPrefix.GetOrAdd(prefix, _ => new());
        if (names.TryGetValue(value, out var cached)) return cached;
        var name = value.ToString();
        name = prefix.Length > 0 && name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal)
            ? name[prefix.Length..]
            : name;
        names[value] = name;
        return name;
    }

    private static class EnumNames<T> where T : struct, Enum
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<T, string>> ByPrefix = new(StringComparer.Ordinal);
    }

    /// <summary>A link speed in bits per second as PowerShell shows it ("10 Gbps"); empty when unknown.</summary>
    public static string Speed(ulong bitsPerSecond) => bitsPerSecond switch
    {
        ulong.MaxValue => "",
        >= 1_000_000_000 when bitsPerSecond % 1_000_000_000 == 0 => $"{bitsPerSecond / 1_000_000_000} Gbps",
        >= 1_000_000 => $"{bitsPerSecond / 1_000_000.0:0.#} Mbps",
        >= 1_000 => $"{bitsPerSecond / 1_000.0:0.#} Kbps",
        _ => $"{bitsPerSecond} bps",
    };
}
