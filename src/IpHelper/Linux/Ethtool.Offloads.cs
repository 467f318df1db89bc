using System.Buffers.Binary;
using System.Text;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

internal static partial class Ethtool
{
    private const uint ETHTOOL_GWOL = 5, ETHTOOL_GSTRINGS = 0x1b, ETHTOOL_GSSET_INFO = 0x37, ETHTOOL_GFEATURES = 0x3a;
    private const uint ETH_SS_FEATURES = 4;
    private const int EthGStringLength = 32, WolInfoSize = 20;

    private static FeatureBits? s_featureBits;

    /// <summary>The wake-on-LAN modes the device supports (WAKE_* bits of ETHTOOL_GWOL), or 0 when its driver has none.</summary>
    public static uint GetWakeOnLanSupport(NetlinkSocket socket, ReadOnlySpan<byte> deviceName)
    {
        Span<byte> info = stackalloc byte[WolInfoSize];
        info.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(info, ETHTOOL_GWOL);
        return Call(socket, deviceName, info) ? BinaryPrimitives.ReadUInt32LittleEndian(info[4..]) : 0;
    }

    /// <summary>
    /// The checksum and segmentation offloads active on the device (ETHTOOL_GFEATURES, `ethtool -k`),
    /// found by feature name so that the kernel's bit order does not matter.
    /// </summary>
    public static OffloadFeatures GetOffloads(NetlinkSocket socket, ReadOnlySpan<byte> deviceName)
    {
        var bits = s_featureBits ??= LoadFeatureBits(socket, deviceName);
        if (bits is null) return default;
        var blocks = (bits.Count + 31) / 32;
        Span<byte> features = stackalloc byte[8 + 16 * blocks];
        features.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(features, ETHTOOL_GFEATURES);
        BinaryPrimitives.WriteUInt32LittleEndian(features[4..], (uint)blocks);
        if (!Call(socket, deviceName, features)) return default;
        return new OffloadFeatures(
            TxIpv4Checksum: Active(features, bits.TxIpv4Checksum),
            TxIpv6Checksum: Active(features, bits.TxIpv6Checksum),
            TxGenericChecksum: Active(features, bits.TxGenericChecksum),
            Tso: Active(features, bits.Tso),
            Tso6: Active(features, bits.Tso6),
            RxChecksum: Active(features, bits.RxChecksum));
    }

    /// <summary>Whether feature <paramref name="bit"/> is in the "active" word of its ethtool_get_features_block.</summary>
    private static bool Active(ReadOnlySpan<byte> features, int bit) =>
        bit >= 0 && (BinaryPrimitives.ReadUInt32LittleEndian(features[(8 + 16 * (bit / 32) + 8)..]) >> (bit % 32) & 1) != 0;

    /// <summary>The bit of each feature IpHelper reads, from the names of the ETH_SS_FEATURES string set (the same for every device).</summary>
    private static FeatureBits? LoadFeatureBits(NetlinkSocket socket, ReadOnlySpan<byte> deviceName)
    {
        Span<byte> setInfo = stackalloc byte[20];
        setInfo.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(setInfo, ETHTOOL_GSSET_INFO);
        BinaryPrimitives.WriteUInt64LittleEndian(setInfo[8..], 1UL << (int)ETH_SS_FEATURES);
        if (!Call(socket, deviceName, setInfo) || BinaryPrimitives.ReadUInt64LittleEndian(setInfo[8..]) == 0) return null;
        var count = BinaryPrimitives.ReadInt32LittleEndian(setInfo[16..]);
        if (count is <= 0 or > 4096) return null;
        var strings = new byte[12 + count * EthGStringLength];
        BinaryPrimitives.WriteUInt32LittleEndian(strings, ETHTOOL_GSTRINGS);
        BinaryPrimitives.WriteUInt32LittleEndian(strings.AsSpan(4), ETH_SS_FEATURES);
        BinaryPrimitives.WriteUInt32LittleEndian(strings.AsSpan(8), (uint)count);
        if (!Call(socket, deviceName, strings)) return null;
        int Find(string name)
        {
            var wanted = Encoding.ASCII.GetBytes(name);
            for (var i = 0; i < count; i++)
            {
                var entry = strings.AsSpan(12 + i * EthGStringLength, EthGStringLength);
                var end = entry.IndexOf((byte)0);
                if ((end < 0 ? entry : entry[..end]).SequenceEqual(wanted)) return i;
            }
            return -1;
        }
        return new FeatureBits(count, Find("tx-checksum-ipv4"), Find("tx-checksum-ipv6"), Find("tx-checksum-ip-generic"),
            Find("tx-tcp-segmentation"), Find("tx-tcp6-segmentation"), Find("rx-checksum"));
    }

    private sealed record FeatureBits(int Count, int TxIpv4Checksum, int TxIpv6Checksum, int TxGenericChecksum, int Tso, int Tso6, int RxChecksum);
}

/// <summary>
/// The offloads of a device that MIB_IPINTERFACE_ROW reports: transmit checksums per family
/// (NETIF_F_IP_CSUM, NETIF_F_IPV6_CSUM) or for any protocol (NETIF_F_HW_CSUM), TCP segmentation
/// (NETIF_F_TSO, NETIF_F_TSO6) and receive checksum (NETIF_F_RXCSUM). All false when ethtool does not answer.
/// </summary>
internal readonly record struct OffloadFeatures(bool TxIpv4Checksum, bool TxIpv6Checksum, bool TxGenericChecksum,
    bool Tso, bool Tso6, bool RxChecksum);
