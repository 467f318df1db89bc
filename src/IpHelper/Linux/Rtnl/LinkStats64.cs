using System.Buffers.Binary;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// A view of struct rtnl_link_stats64 (IFLA_STATS64). Older kernels send a shorter struct: a counter
/// past the end of what was sent reads as 0.
/// </summary>
internal readonly ref struct LinkStats64(ReadOnlySpan<byte> raw)
{
    private readonly ReadOnlySpan<byte> _raw = raw;

    public bool Present => !_raw.IsEmpty;
    public ulong RxPackets => Get(0);
    public ulong TxPackets => Get(1);
    public ulong RxBytes => Get(2);
    public ulong TxBytes => Get(3);
    public ulong RxErrors => Get(4);
    public ulong TxErrors => Get(5);
    public ulong RxDropped => Get(6);
    public ulong TxDropped => Get(7);
    public ulong Multicast => Get(8);
    public ulong Collisions => Get(9);
    public ulong RxNoHandler => Get(23);

    private ulong Get(int index) =>
        (index + 1) * 8 <= _raw.Length ? BinaryPrimitives.ReadUInt64LittleEndian(_raw[(index * 8)..]) : 0;
}
