using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IpHelper;
using Xunit;

namespace IpHelper.Tests.Unit.Mib;

/// <summary>Pins every size and field offset of spec A 3.8 (Windows x64 layouts).</summary>
public sealed class MibLayoutTests
{
    private static int Offset<TStruct, TField>(ref TStruct owner, ref TField field) =>
        (int)Unsafe.ByteOffset(ref Unsafe.As<TStruct, byte>(ref owner), ref Unsafe.As<TField, byte>(ref field));

    private static Span<byte> Bytes<T>(ref T value) where T : struct =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1));

    [Fact]
    public void Sizes_MatchWindowsX64()
    {
        Assert.Equal(8, Unsafe.SizeOf<NetLuid>());
        Assert.Equal(4, Unsafe.SizeOf<ScopeId>());
        Assert.Equal(28, Unsafe.SizeOf<SockAddrInet>());
        Assert.Equal(32, Unsafe.SizeOf<IpAddressPrefix>());
        Assert.Equal(104, Unsafe.SizeOf<MibIpForwardRow2>());
        Assert.Equal(80, Unsafe.SizeOf<MibUnicastIpAddressRow>());
        Assert.Equal(48, Unsafe.SizeOf<MibAnycastIpAddressRow>());
        Assert.Equal(48, Unsafe.SizeOf<MibMulticastIpAddressRow>());
        Assert.Equal(88, Unsafe.SizeOf<MibIpNetRow2>());
        Assert.Equal(136, Unsafe.SizeOf<MibIpPathRow>());
        Assert.Equal(168, Unsafe.SizeOf<MibIpInterfaceRow>());
        Assert.Equal(1352, Unsafe.SizeOf<MibIfRow2>());
        Assert.Equal(8, Unsafe.SizeOf<MibIfStackRow>());
        Assert.Equal(8, Unsafe.SizeOf<MibInvertedIfStackRow>());
        Assert.Equal(514, Unsafe.SizeOf<IfStringBuffer>());
        Assert.Equal(32, Unsafe.SizeOf<IfPhysicalAddressBuffer>());
        Assert.Equal(64, Unsafe.SizeOf<ScopeZoneIndices>());
    }

    [Fact]
    public void SockAddrInet_IsFourByteAligned_SoPrefixLengthLandsAt28()
    {
        var prefix = new IpAddressPrefix();
        Assert.Equal(0, Offset(ref prefix, ref prefix.Prefix));
        Assert.Equal(28, Offset(ref prefix, ref prefix.PrefixLength));
    }

    [Fact]
    public void SockAddrInet_Ipv4_HasWindowsSockaddrInLayout()
    {
        var address = SockAddrInet.FromIPEndPoint(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 0x1234));
        var bytes = Bytes(ref address);
        Assert.Equal([2, 0], bytes[..2].ToArray());
        Assert.Equal([0x12, 0x34], bytes[2..4].ToArray());
        Assert.Equal([192, 0, 2, 1], bytes[4..8].ToArray());
        Assert.False(bytes[8..].ContainsAnyExcept((byte)0));
    }

    [Fact]
    public void SockAddrInet_Ipv6_HasWindowsSockaddrIn6Layout()
    {
        var ip = IPAddress.Parse("fe80::1");
        ip.ScopeId = 0x01020304;
        var address = SockAddrInet.FromIPEndPoint(new IPEndPoint(ip, 443));
        var bytes = Bytes(ref address);
        Assert.Equal([23, 0], bytes[..2].ToArray());
        Assert.Equal([0x01, 0xBB], bytes[2..4].ToArray());
        Assert.Equal([0, 0, 0, 0], bytes[4..8].ToArray());
        Assert.Equal(ip.GetAddressBytes(), bytes[8..24].ToArray());
        Assert.Equal(0x01020304u, BitConverter.ToUInt32(bytes[24..28]));
    }

    [Fact]
    public void NetLuid_ValueIsTheWholeEightBytes()
    {
        var luid = new NetLuid(5, 6);
        Assert.Equal(luid.Value, BitConverter.ToUInt64(Bytes(ref luid)));
    }

    [Fact]
    public void MibIpForwardRow2_Offsets()
    {
        var row = new MibIpForwardRow2();
        Assert.Equal(0, Offset(ref row, ref row.InterfaceLuid));
        Assert.Equal(8, Offset(ref row, ref row.InterfaceIndex));
        Assert.Equal(12, Offset(ref row, ref row.DestinationPrefix));
        Assert.Equal(40, Offset(ref row, ref row.DestinationPrefix.PrefixLength));
        Assert.Equal(44, Offset(ref row, ref row.NextHop));
        Assert.Equal(72, Offset(ref row, ref row.SitePrefixLength));
        Assert.Equal(76, Offset(ref row, ref row.ValidLifetime));
        Assert.Equal(80, Offset(ref row, ref row.PreferredLifetime));
        Assert.Equal(84, Offset(ref row, ref row.Metric));
        Assert.Equal(88, Offset(ref row, ref row.Protocol));
        Assert.Equal(92, Offset(ref row, ref row.Loopback));
        Assert.Equal(93, Offset(ref row, ref row.AutoconfigureAddress));
        Assert.Equal(94, Offset(ref row, ref row.Publish));
        Assert.Equal(95, Offset(ref row, ref row.Immortal));
        Assert.Equal(96, Offset(ref row, ref row.Age));
        Assert.Equal(100, Offset(ref row, ref row.Origin));
    }

    [Fact]
    public void MibUnicastIpAddressRow_Offsets()
    {
        var row = new MibUnicastIpAddressRow();
        Assert.Equal(0, Offset(ref row, ref row.Address));
        Assert.Equal(32, Offset(ref row, ref row.InterfaceLuid));
        Assert.Equal(40, Offset(ref row, ref row.InterfaceIndex));
        Assert.Equal(44, Offset(ref row, ref row.PrefixOrigin));
        Assert.Equal(48, Offset(ref row, ref row.SuffixOrigin));
        Assert.Equal(52, Offset(ref row, ref row.ValidLifetime));
        Assert.Equal(56, Offset(ref row, ref row.PreferredLifetime));
        Assert.Equal(60, Offset(ref row, ref row.OnLinkPrefixLength));
        Assert.Equal(61, Offset(ref row, ref row.SkipAsSource));
        Assert.Equal(64, Offset(ref row, ref row.DadState));
        Assert.Equal(68, Offset(ref row, ref row.ScopeId));
        Assert.Equal(72, Offset(ref row, ref row.CreationTimeStamp));
    }

    [Fact]
    public void MibAnycastIpAddressRow_Offsets()
    {
        var row = new MibAnycastIpAddressRow();
        Assert.Equal(0, Offset(ref row, ref row.Address));
        Assert.Equal(32, Offset(ref row, ref row.InterfaceLuid));
        Assert.Equal(40, Offset(ref row, ref row.InterfaceIndex));
        Assert.Equal(44, Offset(ref row, ref row.ScopeId));
    }

    [Fact]
    public void MibMulticastIpAddressRow_Offsets_IndexBeforeLuid()
    {
        var row = new MibMulticastIpAddressRow();
        Assert.Equal(0, Offset(ref row, ref row.Address));
        Assert.Equal(28, Offset(ref row, ref row.InterfaceIndex));
        Assert.Equal(32, Offset(ref row, ref row.InterfaceLuid));
        Assert.Equal(40, Offset(ref row, ref row.ScopeId));
    }

    [Fact]
    public void MibIpNetRow2_Offsets()
    {
        var row = new MibIpNetRow2();
        Assert.Equal(0, Offset(ref row, ref row.Address));
        Assert.Equal(28, Offset(ref row, ref row.InterfaceIndex));
        Assert.Equal(32, Offset(ref row, ref row.InterfaceLuid));
        Assert.Equal(40, Offset(ref row, ref row.PhysicalAddress));
        Assert.Equal(72, Offset(ref row, ref row.PhysicalAddressLength));
        Assert.Equal(76, Offset(ref row, ref row.State));
        Assert.Equal(80, Offset(ref row, ref row.Flags));
        row.LastReachable = 0xA1B2C3D4;
        Assert.Equal(0xA1B2C3D4u, BitConverter.ToUInt32(Bytes(ref row)[84..88]));
    }

    [Fact]
    public void MibIpPathRow_Offsets()
    {
        var row = new MibIpPathRow();
        Assert.Equal(0, Offset(ref row, ref row.Source));
        Assert.Equal(28, Offset(ref row, ref row.Destination));
        Assert.Equal(56, Offset(ref row, ref row.InterfaceLuid));
        Assert.Equal(64, Offset(ref row, ref row.InterfaceIndex));
        Assert.Equal(68, Offset(ref row, ref row.CurrentNextHop));
        Assert.Equal(96, Offset(ref row, ref row.PathMtu));
        Assert.Equal(100, Offset(ref row, ref row.RttMean));
        Assert.Equal(104, Offset(ref row, ref row.RttDeviation));
        Assert.Equal(112, Offset(ref row, ref row.IsReachable));
        Assert.Equal(120, Offset(ref row, ref row.LinkTransmitSpeed));
        Assert.Equal(128, Offset(ref row, ref row.LinkReceiveSpeed));
        row.LastUnreachable = 0xA1B2C3D4;
        Assert.Equal(0xA1B2C3D4u, BitConverter.ToUInt32(Bytes(ref row)[108..112]));
    }

    [Fact]
    public void MibIpInterfaceRow_Offsets()
    {
        var row = new MibIpInterfaceRow { Family = AddressFamily.InterNetworkV6 };
        Assert.Equal(23, BitConverter.ToUInt16(Bytes(ref row)[..2]));
        Assert.Equal(8, Offset(ref row, ref row.InterfaceLuid));
        Assert.Equal(16, Offset(ref row, ref row.InterfaceIndex));
        Assert.Equal(20, Offset(ref row, ref row.MaxReassemblySize));
        Assert.Equal(24, Offset(ref row, ref row.InterfaceIdentifier));
        Assert.Equal(32, Offset(ref row, ref row.MinRouterAdvertisementInterval));
        Assert.Equal(36, Offset(ref row, ref row.MaxRouterAdvertisementInterval));
        Assert.Equal(40, Offset(ref row, ref row.AdvertisingEnabled));
        Assert.Equal(41, Offset(ref row, ref row.ForwardingEnabled));
        Assert.Equal(42, Offset(ref row, ref row.WeakHostSend));
        Assert.Equal(43, Offset(ref row, ref row.WeakHostReceive));
        Assert.Equal(44, Offset(ref row, ref row.UseAutomaticMetric));
        Assert.Equal(45, Offset(ref row, ref row.UseNeighborUnreachabilityDetection));
        Assert.Equal(46, Offset(ref row, ref row.ManagedAddressConfigurationSupported));
        Assert.Equal(47, Offset(ref row, ref row.OtherStatefulConfigurationSupported));
        Assert.Equal(48, Offset(ref row, ref row.AdvertiseDefaultRoute));
        Assert.Equal(52, Offset(ref row, ref row.RouterDiscoveryBehavior));
        Assert.Equal(56, Offset(ref row, ref row.DadTransmits));
        Assert.Equal(60, Offset(ref row, ref row.BaseReachableTime));
        Assert.Equal(64, Offset(ref row, ref row.RetransmitTime));
        Assert.Equal(68, Offset(ref row, ref row.PathMtuDiscoveryTimeout));
        Assert.Equal(72, Offset(ref row, ref row.LinkLocalAddressBehavior));
        Assert.Equal(76, Offset(ref row, ref row.LinkLocalAddressTimeout));
        Assert.Equal(80, Offset(ref row, ref row.ZoneIndices));
        Assert.Equal(80 + 4 * (int)ScopeLevel.ScopeLevelLink, Offset(ref row, ref row.ZoneIndices[(int)ScopeLevel.ScopeLevelLink]));
        Assert.Equal(144, Offset(ref row, ref row.SitePrefixLength));
        Assert.Equal(148, Offset(ref row, ref row.Metric));
        Assert.Equal(152, Offset(ref row, ref row.NlMtu));
        Assert.Equal(156, Offset(ref row, ref row.Connected));
        Assert.Equal(157, Offset(ref row, ref row.SupportsWakeUpPatterns));
        Assert.Equal(158, Offset(ref row, ref row.SupportsNeighborDiscovery));
        Assert.Equal(159, Offset(ref row, ref row.SupportsRouterDiscovery));
        Assert.Equal(160, Offset(ref row, ref row.ReachableTime));
        Assert.Equal(164, Offset(ref row, ref row.TransmitOffload));
        Assert.Equal(165, Offset(ref row, ref row.ReceiveOffload));
        Assert.Equal(166, Offset(ref row, ref row.DisableDefaultRoutes));
    }

    [Fact]
    public void MibIfRow2_Offsets()
    {
        var row = new MibIfRow2();
        Assert.Equal(0, Offset(ref row, ref row.InterfaceLuid));
        Assert.Equal(8, Offset(ref row, ref row.InterfaceIndex));
        Assert.Equal(12, Offset(ref row, ref row.InterfaceGuid));
        Assert.Equal(28, Offset(ref row, ref row.AliasChars));
        Assert.Equal(542, Offset(ref row, ref row.DescriptionChars));
        Assert.Equal(1056, Offset(ref row, ref row.PhysicalAddressLength));
        Assert.Equal(1060, Offset(ref row, ref row.PhysicalAddress));
        Assert.Equal(1092, Offset(ref row, ref row.PermanentPhysicalAddress));
        Assert.Equal(1124, Offset(ref row, ref row.Mtu));
        Assert.Equal(1128, Offset(ref row, ref row.Type));
        Assert.Equal(1132, Offset(ref row, ref row.TunnelType));
        Assert.Equal(1136, Offset(ref row, ref row.MediaType));
        Assert.Equal(1140, Offset(ref row, ref row.PhysicalMediumType));
        Assert.Equal(1144, Offset(ref row, ref row.AccessType));
        Assert.Equal(1148, Offset(ref row, ref row.DirectionType));
        Assert.Equal(1152, Offset(ref row, ref row.InterfaceAndOperStatusFlags));
        Assert.Equal(1156, Offset(ref row, ref row.OperStatus));
        Assert.Equal(1160, Offset(ref row, ref row.AdminStatus));
        Assert.Equal(1164, Offset(ref row, ref row.MediaConnectState));
        Assert.Equal(1168, Offset(ref row, ref row.NetworkGuid));
        Assert.Equal(1184, Offset(ref row, ref row.ConnectionType));
        Assert.Equal(1192, Offset(ref row, ref row.TransmitLinkSpeed));
        Assert.Equal(1200, Offset(ref row, ref row.ReceiveLinkSpeed));
        Assert.Equal(1208, Offset(ref row, ref row.InOctets));
        Assert.Equal(1216, Offset(ref row, ref row.InUcastPkts));
        Assert.Equal(1224, Offset(ref row, ref row.InNUcastPkts));
        Assert.Equal(1232, Offset(ref row, ref row.InDiscards));
        Assert.Equal(1240, Offset(ref row, ref row.InErrors));
        Assert.Equal(1248, Offset(ref row, ref row.InUnknownProtos));
        Assert.Equal(1256, Offset(ref row, ref row.InUcastOctets));
        Assert.Equal(1264, Offset(ref row, ref row.InMulticastOctets));
        Assert.Equal(1272, Offset(ref row, ref row.InBroadcastOctets));
        Assert.Equal(1280, Offset(ref row, ref row.OutOctets));
        Assert.Equal(1288, Offset(ref row, ref row.OutUcastPkts));
        Assert.Equal(1296, Offset(ref row, ref row.OutNUcastPkts));
        Assert.Equal(1304, Offset(ref row, ref row.OutDiscards));
        Assert.Equal(1312, Offset(ref row, ref row.OutErrors));
        Assert.Equal(1320, Offset(ref row, ref row.OutUcastOctets));
        Assert.Equal(1328, Offset(ref row, ref row.OutMulticastOctets));
        Assert.Equal(1336, Offset(ref row, ref row.OutBroadcastOctets));
        Assert.Equal(1344, Offset(ref row, ref row.OutQLen));
    }

    [Fact]
    public void MibIfRow2_GuidHasWindowsGuidLayout()
    {
        var row = new MibIfRow2 { InterfaceGuid = new Guid("00112233-4455-6677-8899-aabbccddeeff") };
        Assert.Equal(
            [0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF],
            Bytes(ref row)[12..28].ToArray());
    }

    [Fact]
    public void MibIfStackRows_Offsets_InvertedSwapsTheFields()
    {
        var row = new MibIfStackRow();
        Assert.Equal(0, Offset(ref row, ref row.HigherLayerInterfaceIndex));
        Assert.Equal(4, Offset(ref row, ref row.LowerLayerInterfaceIndex));
        var inverted = new MibInvertedIfStackRow();
        Assert.Equal(0, Offset(ref inverted, ref inverted.LowerLayerInterfaceIndex));
        Assert.Equal(4, Offset(ref inverted, ref inverted.HigherLayerInterfaceIndex));
    }

    [Fact]
    public void OneByteFields_AreOneByte()
    {
        Assert.Equal(1, Unsafe.SizeOf<InterfaceAndOperStatusFlags>());
        Assert.Equal(1, Unsafe.SizeOf<NlInterfaceOffloadRod>());
        Assert.Equal(4, Unsafe.SizeOf<IfType>());
        Assert.Equal(4, Unsafe.SizeOf<NlRouteProtocol>());
    }
}
