using System.Net;
using IpHelper.Linux;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Addresses;

public sealed class LinuxAddressOriginTests
{
    private const uint Permanent = AddressConstants.IFA_F_PERMANENT;

    public static TheoryData<string, uint, byte, NlPrefixOrigin, NlSuffixOrigin> Cases => new()
    {
        // address, IFA_F_* flags, ifa_proto, expected prefix origin, expected suffix origin
        { "127.0.0.1", Permanent, 0, NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginWellKnown },
        { "::1", Permanent, AddressConstants.IFAPROT_KERNEL_LO, NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginWellKnown },
        { "fe80::ff:fe00:1", Permanent, AddressConstants.IFAPROT_KERNEL_LL, NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginLinkLayerAddress },
        { "fe80::1c2e:99a1:5f3:77", Permanent | AddressConstants.IFA_F_STABLE_PRIVACY, AddressConstants.IFAPROT_KERNEL_LL, NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginRandom },
        { "fe80::1", Permanent, 0, NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginManual },
        { "169.254.7.7", Permanent, 0, NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginManual },
        { "2001:db8:5:0:a4e6:b8ff:fed0:6789", AddressConstants.IFA_F_MANAGETEMPADDR, AddressConstants.IFAPROT_KERNEL_RA, NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, NlSuffixOrigin.IpSuffixOriginLinkLayerAddress },
        { "2001:db8:5:0:1c2e:99a1:5f3:77", AddressConstants.IFA_F_STABLE_PRIVACY, AddressConstants.IFAPROT_KERNEL_RA, NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, NlSuffixOrigin.IpSuffixOriginRandom },
        { "2001:db8:5:0:a047:379a:7394:7e6a", AddressConstants.IFA_F_TEMPORARY, 0, NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, NlSuffixOrigin.IpSuffixOriginRandom },
        { "192.0.2.1", Permanent, 0, NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual },
        { "2001:db8::1", Permanent | AddressConstants.IFA_F_NODAD, 0, NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual },
        { "192.0.2.1", 0, 0, NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp },
        { "2001:db8::1", 0, 0, NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp },
        // The IPv4 "secondary" bit is the IPv6 "temporary" bit: it must not make an IPv4 address temporary.
        { "192.0.2.2", Permanent | AddressConstants.IFA_F_SECONDARY, 0, NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual },
        { "192.0.2.1", Permanent, 42, NlPrefixOrigin.IpPrefixOriginOther, NlSuffixOrigin.IpSuffixOriginOther },
        { "192.0.2.1", 0, 0x80 | (3 << 3) | 3, NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp },
        { "192.0.2.1", Permanent, 0x80 | (1 << 3) | 1, NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual },
        // A marker byte with values outside the enumerations is someone else's protocol number.
        { "192.0.2.1", Permanent, 0x80 | (7 << 3) | 7, NlPrefixOrigin.IpPrefixOriginOther, NlSuffixOrigin.IpSuffixOriginOther },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_KernelFacts_GiveTheWindowsOrigins(string address, uint flags, byte protocol, NlPrefixOrigin prefix, NlSuffixOrigin suffix)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();

        Assert.Equal((prefix, suffix), LinuxAddressOrigin.Decode(bytes, flags, protocol));
    }

    [Theory]
    [InlineData("192.0.2.1", Permanent, NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual, (byte)0)]
    [InlineData("192.0.2.1", 0u, NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp, (byte)0)]
    [InlineData("2001:db8::1", Permanent, NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual, (byte)0)]
    public void ProtocolFor_OriginsTheFlagsAlreadyGive_WritesNoProtocol(string address, uint flags, NlPrefixOrigin prefix, NlSuffixOrigin suffix, byte expected)
    {
        Assert.Equal(expected, LinuxAddressOrigin.ProtocolFor(IPAddress.Parse(address).GetAddressBytes(), flags, 0, prefix, suffix));
    }

    [Fact]
    public void ProtocolFor_EveryOriginPair_ReadsBackTheSame()
    {
        var bytes = IPAddress.Parse("2001:db8::1").GetAddressBytes();
        foreach (var prefix in Enum.GetValues<NlPrefixOrigin>().Where(p => p != NlPrefixOrigin.IpPrefixOriginUnchanged))
        foreach (var suffix in Enum.GetValues<NlSuffixOrigin>().Where(s => s != NlSuffixOrigin.IpSuffixOriginUnchanged))
        foreach (var flags in new[] { 0u, Permanent })
        {
            var protocol = LinuxAddressOrigin.ProtocolFor(bytes, flags, 0, prefix, suffix);

            Assert.Equal((prefix, suffix), LinuxAddressOrigin.Decode(bytes, flags, protocol));
        }
    }

    [Fact]
    public void ProtocolFor_KernelAddressKeepingItsOrigins_KeepsTheKernelProtocol()
    {
        var bytes = IPAddress.Parse("2001:db8:5::a4e6:b8ff:fed0:6789").GetAddressBytes();

        var protocol = LinuxAddressOrigin.ProtocolFor(bytes, AddressConstants.IFA_F_MANAGETEMPADDR, AddressConstants.IFAPROT_KERNEL_RA,
            NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, NlSuffixOrigin.IpSuffixOriginLinkLayerAddress);

        Assert.Equal(AddressConstants.IFAPROT_KERNEL_RA, protocol);
    }

    [Theory]
    [InlineData(0u, NlDadState.IpDadStatePreferred)]
    [InlineData(AddressConstants.IFA_F_PERMANENT | AddressConstants.IFA_F_NODAD, NlDadState.IpDadStatePreferred)]
    [InlineData(AddressConstants.IFA_F_TENTATIVE, NlDadState.IpDadStateTentative)]
    [InlineData(AddressConstants.IFA_F_TENTATIVE | AddressConstants.IFA_F_OPTIMISTIC, NlDadState.IpDadStatePreferred)]
    [InlineData(AddressConstants.IFA_F_TENTATIVE | AddressConstants.IFA_F_DADFAILED, NlDadState.IpDadStateDuplicate)]
    [InlineData(AddressConstants.IFA_F_DADFAILED, NlDadState.IpDadStateDuplicate)]
    [InlineData(AddressConstants.IFA_F_DEPRECATED, NlDadState.IpDadStateDeprecated)]
    [InlineData(AddressConstants.IFA_F_DEPRECATED | AddressConstants.IFA_F_TENTATIVE, NlDadState.IpDadStateTentative)]
    public void DadStateOf_Flags_GiveTheDadState(uint flags, NlDadState expected)
    {
        Assert.Equal(expected, LinuxBackend.DadStateOf(flags));
    }
}
