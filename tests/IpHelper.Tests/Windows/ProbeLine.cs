using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace IpHelper.Tests.Windows;

/// <summary>One line of the probe's output (tests/IpHelper.Tests.Wine/ProbeWriter.cs), rows still as bytes.</summary>
public sealed record ProbeLine(string Call, NetIoStatus Status, string? Detail, string? Argument, string? Value, IReadOnlyList<byte[]> RawRows)
{
    public static ProbeLine Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ProbeLine(root.GetProperty("Call").GetString()!, (NetIoStatus)root.GetProperty("Status").GetUInt32(),
            root.GetProperty("Detail").GetString(), root.GetProperty("Argument").GetString(), root.GetProperty("Value").GetString(),
            [.. root.GetProperty("Rows").EnumerateArray().Select(row => row.GetBytesFromBase64())]);
    }

    public static Dictionary<string, ProbeLine> ParseAll(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{')).Select(Parse).ToDictionary(line => line.Call);

    /// <summary>The rows read back into <typeparamref name="TRow"/>; each must have the struct's exact size.</summary>
    public TRow[] Rows<TRow>() where TRow : unmanaged =>
        [.. RawRows.Select(bytes => bytes.Length == Unsafe.SizeOf<TRow>()
            ? MemoryMarshal.Read<TRow>(bytes)
            : throw new InvalidDataException($"{Call}: a row of {bytes.Length} bytes, {typeof(TRow).Name} has {Unsafe.SizeOf<TRow>()}"))];
}
