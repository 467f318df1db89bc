using System.Net;
using CsCheck;
using Xunit;

namespace IpHelper.Tests.Reliability.Properties;

/// <summary>Round trips of the value types: NET_LUID bit fields, addresses and prefixes as text (with scope ids), Windows interface names.</summary>
public sealed class MibValueProperties
{
    private const int Cases = 20_000;

    private static readonly Gen<uint> s_luidIndex = Gen.UInt[0, NetLuid.MaxNetLuidIndex];

    /// <summary>Scope ids: mostly 0 (no "%"), else small ones and the extremes.</summary>
    private static readonly Gen<uint> s_scopeId = Gen.Frequency((2, Gen.Const(0u)), (2, Gen.UInt[1, 64]), (1, Gen.UInt));

    private static readonly Gen<SockAddrInet> s_ipv4 = Gen.Byte.Array[4].Select(bytes => SockAddrInet.FromBytes(bytes));

    /// <summary>IPv6 addresses with runs of zeros (so "::" compression and IPv4-mapped forms appear) and a scope id.</summary>
    private static readonly Gen<SockAddrInet> s_ipv6 = Gen.Select(
        Gen.Frequency((3, Gen.Byte.Array[16]), (1, Gen.Byte.Array[4].Select(v4 => (byte[])[.. new byte[10], 0xFF, 0xFF, .. v4])),
            (1, Gen.Select(Gen.Int[0, 15], Gen.Byte.Array[16], (zeros, bytes) => { Array.Clear(bytes, zeros, 16 - zeros); return bytes; }))),
        s_scopeId, (bytes, scope) => SockAddrInet.FromBytes(bytes, scope));

    [Fact]
    public void NetLuid_FromIndexAndType_KeepsBothAndTheValueRoundTrips()
    {
        var count = new PropertyCount("NetLuid bit fields");
        Gen.Select(s_luidIndex, Gen.UShort, Gen.ULong).Sample((index, type, value) =>
        {
            count.Add();
            var luid = new NetLuid(index, type);
            Assert.Equal(index, luid.NetLuidIndex);
            Assert.Equal(type, luid.IfType);
            Assert.Equal(0u, luid.Reserved);
            Assert.Equal(luid, new NetLuid(luid.Value));

            var raw = new NetLuid(value);
            Assert.Equal(value, ((ulong)raw.IfType << 48) | ((ulong)raw.NetLuidIndex << 24) | raw.Reserved);
            Assert.Equal(value == 0, raw.IsUnspecified);
        }, iter: Cases);
        count.Report();
    }

    [Fact]
    public void NetLuid_IndexPast24Bits_IsRefused()
    {
        var count = new PropertyCount("NetLuid index past 24 bits");
        Gen.Select(Gen.UInt[NetLuid.MaxNetLuidIndex + 1, uint.MaxValue], Gen.UShort).Sample((index, type) =>
        {
            count.Add();
            Assert.Throws<ArgumentOutOfRangeException>(() => new NetLuid(index, type));
        }, iter: Cases / 10);
        count.Report();
    }

    [Fact]
    public void SockAddrInet_ToStringThenTryParse_GivesTheSameAddress_WithItsScopeId()
    {
        var count = new PropertyCount("SockAddrInet text round trip");
        Gen.OneOf(s_ipv4, s_ipv6).Sample(address =>
        {
            count.Add();
            var text = address.ToString();
            Assert.True(SockAddrInet.TryParse(text, out var parsed), $"'{text}' does not parse");
            Assert.Equal(address, parsed);
            Assert.Equal(address.ScopeId != 0, text.Contains('%'));
            Assert.Equal(address.ToIPAddress(), parsed.ToIPAddress());
            Assert.Equal(address, SockAddrInet.FromIPAddress(address.ToIPAddress()!));
        }, iter: Cases);
        count.Report();
    }

    [Fact]
    public void IpAddressPrefix_ToStringThenTryParse_KeepsHostBitsAndScopeId()
    {
        var count = new PropertyCount("IpAddressPrefix text round trip");
        Gen.OneOf(
                Gen.Select(s_ipv4, Gen.Byte[0, 32], (a, length) => new IpAddressPrefix(a, length)),
                Gen.Select(s_ipv6, Gen.Byte[0, 128], (a, length) => new IpAddressPrefix(a, length)))
            .Sample(prefix =>
            {
                count.Add();
                var text = prefix.ToString();
                Assert.True(IpAddressPrefix.TryParse(text, out var parsed), $"'{text}' does not parse");
                Assert.Equal(prefix, parsed);
                var ipNetwork = prefix.ToIPNetwork();
                Assert.Equal(prefix.PrefixLength, ipNetwork.PrefixLength);
                // Bit by bit: IPNetwork.Contains treats IPv4-mapped IPv6 addresses as IPv4 and would say no.
                var address = AddressBytes(prefix.Prefix);
                var network = ipNetwork.BaseAddress.GetAddressBytes();
                for (var bit = 0; bit < address.Length * 8; bit++)
                {
                    var mask = 0x80 >> (bit % 8);
                    var expected = bit < prefix.PrefixLength ? address[bit / 8] & mask : 0;
                    Assert.True(expected == (network[bit / 8] & mask), $"{prefix} -> {ipNetwork}: bit {bit}");
                }
            }, iter: Cases);
        count.Report();
    }

    [Fact]
    public void IpAddressPrefix_LengthPastTheFamily_DoesNotParse()
    {
        var count = new PropertyCount("IpAddressPrefix length past the family");
        Gen.OneOf(
                Gen.Select(s_ipv4, Gen.Int[33, 999]),
                Gen.Select(s_ipv6, Gen.Int[129, 999]))
            .Sample((address, length) =>
            {
                count.Add();
                Assert.False(IpAddressPrefix.TryParse($"{address}/{length}", out var parsed));
                Assert.Equal(default, parsed);
            }, iter: Cases / 10);
        count.Report();
    }

    [Fact]
    public void WindowsInterfaceName_FormatThenTryParse_GivesTheSameLuid()
    {
        var count = new PropertyCount("WindowsInterfaceName round trip");
        Gen.Select(s_luidIndex, Gen.Frequency((3, Gen.UShort[0, 300]), (1, Gen.UShort))).Sample((index, type) =>
        {
            count.Add();
            var luid = new NetLuid(index, type);
            var name = WindowsInterfaceName.Format(luid);
            Assert.True(WindowsInterfaceName.TryParse(name, out var parsed), $"'{name}' does not parse");
            Assert.Equal(luid, parsed);
            Assert.True(name.Length < NetIo.IF_NAMESIZE, $"'{name}' does not fit IF_NAMESIZE");
        }, iter: Cases);
        count.Report();
    }

    private static byte[] AddressBytes(SockAddrInet address)
    {
        var bytes = new byte[16];
        return bytes[..address.WriteAddressBytes(bytes)];
    }
}
