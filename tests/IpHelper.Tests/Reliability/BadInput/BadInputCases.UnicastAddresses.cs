using System.Net.Sockets;
using Xunit;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

public static partial class BadInputCases
{
    private delegate void AddressChange(BadInputLab lab, ref MibUnicastIpAddressRow row);

    private static IEnumerable<BadInputCase> UnicastAddresses()
    {
        foreach (var family in new[] { 99, -1, 1 })
            yield return Read(nameof(NetIo.GetUnicastIpAddressTable), $"AF {family}", InvalidParameter, _ => Null(NetIo.GetUnicastIpAddressTable((AddressFamily)family, out var table), table));

        yield return Read(nameof(NetIo.InitializeUnicastIpAddressEntry), "a row full of garbage gets the documented defaults", Success, _ =>
        {
            var row = new MibUnicastIpAddressRow { Address = Family(99), InterfaceIndex = 3, OnLinkPrefixLength = 7, SkipAsSource = true };
            NetIo.InitializeUnicastIpAddressEntry(out row);
            Assert.Equal((NlPrefixOrigin.IpPrefixOriginUnchanged, NlSuffixOrigin.IpSuffixOriginUnchanged, (byte)255, uint.MaxValue, uint.MaxValue, false, 0u),
                (row.PrefixOrigin, row.SuffixOrigin, row.OnLinkPrefixLength, row.ValidLifetime, row.PreferredLifetime, row.SkipAsSource, row.InterfaceIndex));
            Assert.Equal(default, row.Address);
            return Success;
        });

        const string Get = nameof(NetIo.GetUnicastIpAddressEntry);
        yield return Read(Get, "a zeroed row", InvalidParameter, _ => GetUnicast(default));
        yield return Read(Get, "only an index", InvalidParameter, lab => GetUnicast(new MibUnicastIpAddressRow { InterfaceIndex = lab.V0 }));
        yield return Read(Get, "address of AF 99", InvalidParameter, lab => GetUnicast(new MibUnicastIpAddressRow { Address = Family(99), InterfaceIndex = lab.V0 }));
        yield return Read(Get, "zero LUID and index 0", FileNotFound, _ => GetUnicast(new MibUnicastIpAddressRow { Address = Address("192.0.2.1") }));
        yield return Read(Get, "deleted interface's index", FileNotFound, lab => GetUnicast(new MibUnicastIpAddressRow { Address = Address("192.0.2.1"), InterfaceIndex = lab.GoneIndex }));
        yield return Read(Get, "unknown LUID", FileNotFound, _ => GetUnicast(new MibUnicastIpAddressRow { Address = Address("192.0.2.1"), InterfaceLuid = UnknownLuid }));
        yield return Read(Get, "a scope id on a global IPv6 address", InvalidParameter, lab => GetUnicast(new MibUnicastIpAddressRow { Address = Address("2001:db8::1%99"), InterfaceIndex = lab.V0 }));
        yield return Read(Get, "an address the interface does not have", NotFound, lab => GetUnicast(new MibUnicastIpAddressRow { Address = Address("192.0.2.1"), InterfaceIndex = lab.V1 }));

        // Rows every address write refuses alike, starting from a new address (203.0.113.9 on v0).
        var badRows = new (string Name, NetIoStatus Status, AddressChange Change)[]
        {
            ("address of AF 99", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.Address = Family(99)),
            ("address of AF_UNSPEC", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.Address = default),
            ("0.0.0.0", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.Address = Address("0.0.0.0")),
            ("::", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.Address = Address("::")),
            ("multicast 224.0.0.9", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.Address = Address("224.0.0.9")),
            ("multicast ff02::9", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.Address = Address("ff02::9")),
            ("broadcast 255.255.255.255", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.Address = Address("255.255.255.255")),
            ("a scope id on a global IPv6 address", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => (r.Address, r.OnLinkPrefixLength) = (Address("2001:db8::1%99"), 64)),
            ("zero LUID and index 0", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => (r.InterfaceLuid, r.InterfaceIndex) = (default, 0)),
            ("deleted interface's index", NotFound, (BadInputLab lab, ref MibUnicastIpAddressRow r) => r.InterfaceIndex = lab.GoneIndex),
            ("deleted interface's LUID with v0's index (the LUID wins)", NotFound, (BadInputLab lab, ref MibUnicastIpAddressRow r) => r.InterfaceLuid = lab.GoneLuid),
            ("unknown LUID", NotFound, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.InterfaceLuid = UnknownLuid),
        };
        var badSettings = new (string Name, NetIoStatus Status, AddressChange Change)[]
        {
            ("PreferredLifetime above ValidLifetime", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => (r.ValidLifetime, r.PreferredLifetime) = (100, 200)),
            ("PrefixOrigin Unchanged, SuffixOrigin Manual", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.SuffixOrigin = NlSuffixOrigin.IpSuffixOriginManual),
            ("PrefixOrigin 99", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => (r.PrefixOrigin, r.SuffixOrigin) = ((NlPrefixOrigin)99, NlSuffixOrigin.IpSuffixOriginManual)),
            ("SuffixOrigin -1", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => (r.PrefixOrigin, r.SuffixOrigin) = (NlPrefixOrigin.IpPrefixOriginManual, (NlSuffixOrigin)(-1))),
            ("IPv4 OnLinkPrefixLength 33", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.OnLinkPrefixLength = 33),
            ("IPv6 OnLinkPrefixLength 129", InvalidParameter, (BadInputLab _, ref MibUnicastIpAddressRow r) => (r.Address, r.OnLinkPrefixLength) = (Address("2001:db8::9"), 129)),
            ("SkipAsSource TRUE", NotSupported, (BadInputLab _, ref MibUnicastIpAddressRow r) => r.SkipAsSource = true),
        };
        foreach (var (name, status, change) in badRows.Concat(badSettings))
            yield return Write(nameof(NetIo.CreateUnicastIpAddressEntry), name, status, lab => NetIo.CreateUnicastIpAddressEntry(NewAddress(lab, "203.0.113.9", change)));
        yield return Write(nameof(NetIo.CreateUnicastIpAddressEntry), "the interface has the address", ObjectAlreadyExists, lab => NetIo.CreateUnicastIpAddressEntry(NewAddress(lab, "192.0.2.1", NoChange)));
        yield return Write(nameof(NetIo.CreateUnicastIpAddressEntry), "the interface has the address with another prefix length", ObjectAlreadyExists, lab =>
            NetIo.CreateUnicastIpAddressEntry(NewAddress(lab, "2001:db8::1", static (BadInputLab _, ref MibUnicastIpAddressRow r) => r.OnLinkPrefixLength = 80)));
        yield return Write(nameof(NetIo.CreateUnicastIpAddressEntry), "::1 on v0", InvalidParameter, lab => NetIo.CreateUnicastIpAddressEntry(NewAddress(lab, "::1", NoChange)));
        yield return Write(nameof(NetIo.CreateUnicastIpAddressEntry), "ValidLifetime 0", InvalidParameter, lab =>
            NetIo.CreateUnicastIpAddressEntry(NewAddress(lab, "2001:db8::9", static (BadInputLab _, ref MibUnicastIpAddressRow r) => (r.ValidLifetime, r.PreferredLifetime) = (0, 0))));
        yield return Write(nameof(NetIo.CreateUnicastIpAddressEntry), "IPv6 on an interface whose IPv6 is disabled", NotSupported, lab =>
            NetIo.CreateUnicastIpAddressEntry(NewAddress(lab, "2001:db8::9", static (BadInputLab l, ref MibUnicastIpAddressRow r) => r.InterfaceIndex = l.V1)));

        // Set starts from v0's existing 192.0.2.1.
        foreach (var (name, status, change) in badRows.Where(r => !r.Name.StartsWith("deleted", StringComparison.Ordinal) && r.Name != "unknown LUID").Concat(badSettings))
            yield return Write(nameof(NetIo.SetUnicastIpAddressEntry), name, status, lab => NetIo.SetUnicastIpAddressEntry(NewAddress(lab, "192.0.2.1", change)));
        yield return Write(nameof(NetIo.SetUnicastIpAddressEntry), "deleted interface's index", NotFound, lab =>
            NetIo.SetUnicastIpAddressEntry(NewAddress(lab, "192.0.2.1", static (BadInputLab l, ref MibUnicastIpAddressRow r) => r.InterfaceIndex = l.GoneIndex)));
        yield return Write(nameof(NetIo.SetUnicastIpAddressEntry), "unknown LUID", NotFound, lab =>
            NetIo.SetUnicastIpAddressEntry(NewAddress(lab, "192.0.2.1", static (BadInputLab _, ref MibUnicastIpAddressRow r) => r.InterfaceLuid = UnknownLuid)));
        yield return Write(nameof(NetIo.SetUnicastIpAddressEntry), "an address the interface does not have", NotFound, lab => NetIo.SetUnicastIpAddressEntry(NewAddress(lab, "203.0.113.9", NoChange)));

        foreach (var (name, status, change) in badRows)
            yield return Write(nameof(NetIo.DeleteUnicastIpAddressEntry), name, status, lab => NetIo.DeleteUnicastIpAddressEntry(NewAddress(lab, "192.0.2.1", change)));
        yield return Write(nameof(NetIo.DeleteUnicastIpAddressEntry), "an address the interface does not have", NotFound, lab => NetIo.DeleteUnicastIpAddressEntry(NewAddress(lab, "203.0.113.9", NoChange)));
        yield return Write(nameof(NetIo.DeleteUnicastIpAddressEntry), "v0's address on v1", NotFound, lab =>
            NetIo.DeleteUnicastIpAddressEntry(NewAddress(lab, "192.0.2.1", static (BadInputLab l, ref MibUnicastIpAddressRow r) => r.InterfaceIndex = l.V1)));
    }

    private static void NoChange(BadInputLab lab, ref MibUnicastIpAddressRow row)
    {
    }

    /// <summary>An initialised row for <paramref name="address"/>/24 (/64) on v0 by index, changed by <paramref name="change"/>.</summary>
    private static MibUnicastIpAddressRow NewAddress(BadInputLab lab, string address, AddressChange change)
    {
        NetIo.InitializeUnicastIpAddressEntry(out var row);
        (row.Address, row.InterfaceIndex) = (Address(address), lab.V0);
        row.OnLinkPrefixLength = (byte)(FamilyOf(address) == AddressFamily.InterNetwork ? 24 : 64);
        change(lab, ref row);
        return row;
    }

    private static NetIoStatus GetUnicast(MibUnicastIpAddressRow row)
    {
        var before = row;
        var status = NetIo.GetUnicastIpAddressEntry(ref row);
        AssertSameBytes(before, row, "the row");
        return status;
    }
}
