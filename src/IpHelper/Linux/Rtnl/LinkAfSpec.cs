using System.Buffers.Binary;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// The IFLA_AF_SPEC block of an RTM_NEWLINK message: the interface's IPv4 settings (IFLA_INET_CONF,
/// the in_device's devconf array) and IPv6 settings (IFLA_INET6_CONF and the other IFLA_INET6_*
/// attributes of its inet6_dev). A family is present only when the kernel has that family's device
/// state for the interface. Views into the receive buffer, valid while the message is handled.
/// </summary>
internal ref struct LinkAfSpec
{
    private const ushort AF_INET = 2, AF_INET6 = 10;
    private const ushort IFLA_INET_CONF = 1;
    private const ushort IFLA_INET6_FLAGS = 1, IFLA_INET6_CONF = 2, IFLA_INET6_TOKEN = 7, IFLA_INET6_ADDR_GEN_MODE = 8;

    /// <summary>True when the interface has an in_device (IPv4 is bound to it).</summary>
    public bool HasInet;

    /// <summary>IFLA_INET_CONF: u32 values indexed by IPV4_DEVCONF_* − 1 (see <see cref="DevConf"/>).</summary>
    public ReadOnlySpan<byte> InetConf;

    /// <summary>True when the interface has an inet6_dev (IPv6 state, possibly with disable_ipv6 set).</summary>
    public bool HasInet6;

    /// <summary>IFLA_INET6_CONF: s32 values indexed by DEVCONF_* (see <see cref="DevConf"/>).</summary>
    public ReadOnlySpan<byte> Inet6Conf;

    /// <summary>IFLA_INET6_FLAGS: IF_RA_MANAGED, IF_RA_OTHERCONF, IF_READY, ...</summary>
    public uint Inet6Flags;

    /// <summary>IFLA_INET6_TOKEN: the 16-byte tokenized interface identifier (all zero when none is set).</summary>
    public ReadOnlySpan<byte> Token;

    /// <summary>IFLA_INET6_ADDR_GEN_MODE, or -1 when the kernel did not send it.</summary>
    public int AddrGenMode;

    /// <summary>Decodes an IFLA_AF_SPEC value; false when its attributes are malformed.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> afSpec, out LinkAfSpec spec)
    {
        spec = default;
        spec.AddrGenMode = -1;
        var families = new NetlinkAttributeEnumerator(afSpec);
        while (families.MoveNext())
        {
            var family = families.Current;
            if (family.Type == AF_INET)
            {
                spec.HasInet = true;
                var inet = family.Nested;
                while (inet.MoveNext())
                    if (inet.Current.Type == IFLA_INET_CONF) spec.InetConf = inet.Current.Value;
                if (inet.Malformed) return false;
            }
            else if (family.Type == AF_INET6)
            {
                spec.HasInet6 = true;
                var inet6 = family.Nested;
                while (inet6.MoveNext())
                {
                    var attribute = inet6.Current;
                    switch (attribute.Type)
                    {
                        case IFLA_INET6_FLAGS: attribute.TryGetU32(out spec.Inet6Flags); break;
                        case IFLA_INET6_CONF: spec.Inet6Conf = attribute.Value; break;
                        case IFLA_INET6_TOKEN: spec.Token = attribute.Value; break;
                        case IFLA_INET6_ADDR_GEN_MODE: if (attribute.TryGetU8(out var mode)) spec.AddrGenMode = mode; break;
                    }
                }
                if (inet6.Malformed) return false;
            }
        }
        return !families.Malformed;
    }

    /// <summary>The IPv4 devconf value at <paramref name="index"/> (IPV4_DEVCONF_* − 1), or null when the array is shorter.</summary>
    public readonly uint? Inet(int index) =>
        (index + 1) * 4 <= InetConf.Length ? BinaryPrimitives.ReadUInt32LittleEndian(InetConf[(index * 4)..]) : null;

    /// <summary>The IPv6 devconf value at <paramref name="index"/> (DEVCONF_*), or null when the array is shorter (an older kernel).</summary>
    public readonly int? Inet6(int index) =>
        (index + 1) * 4 <= Inet6Conf.Length ? BinaryPrimitives.ReadInt32LittleEndian(Inet6Conf[(index * 4)..]) : null;
}
