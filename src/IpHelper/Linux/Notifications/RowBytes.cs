using System.Runtime.InteropServices;

namespace IpHelper.Linux.Notifications;

/// <summary>Compares two MIB rows byte for byte (rows are blittable, with the Windows layout).</summary>
internal static class RowBytes
{
    public static bool Equal<TRow>(in TRow a, in TRow b) where TRow : unmanaged =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<TRow>(in a)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<TRow>(in b)));
}
