using System.Runtime.InteropServices;

namespace IpHelper.Linux.Notifications;

/// <summary>Compares two MIB rows byte for byte (rows are blittable, with the Windows layout).</summary>
internal static class RowBytes
{
    public static bool Equal<TRow>(in TRow a, in TRow b) where TRow : unmanaged =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<TRow>(in a)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<TRow>(in b)));

    /// <summary>Byte-for-byte equality and hash of rows, for sets of rows.</summary>
    public sealed class Comparer<TRow> : IEqualityComparer<TRow> where TRow : unmanaged
    {
        public static Comparer<TRow> Instance { get; } = new();

        public bool Equals(TRow x, TRow y) => Equal(x, y);

        public int GetHashCode(TRow row)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(new ReadOnlySpan<TRow>(in row)));
            return hash.ToHashCode();
        }
    }
}
