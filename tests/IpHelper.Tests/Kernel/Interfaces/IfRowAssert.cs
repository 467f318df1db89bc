using System.Runtime.InteropServices;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>Checks MIB_IF_ROW2 rows against the iproute2 oracle and docs/mapping.md.</summary>
public static class IfRowAssert
{
    /// <summary>
    /// Every field that does not count traffic: identity, addresses, MTU, types, states, flags, and the
    /// fields Linux has no source for (their documented constant values).
    /// </summary>
    public static void MatchesExceptCounters(IpLink link, in MibIfRow2 row, string? driver)
    {
        var name = link.Name;
        Assert.True(link.Index == row.InterfaceIndex, $"{name}: index {row.InterfaceIndex}, ip says {link.Index}");
        Assert.Equal(name, row.Alias);
        Assert.Equal(DocumentedMapping.LuidValue(link), row.InterfaceLuid.Value);
        Assert.Equal(DocumentedMapping.Description(link, driver), row.Description);

        var mac = DocumentedMapping.MacBytes(link.Address);
        Assert.True((uint)mac.Length == row.PhysicalAddressLength, $"{name}: address length {row.PhysicalAddressLength}, ip says {mac.Length}");
        Assert.Equal(mac, row.GetPhysicalAddressBytes().ToArray());
        Assert.True(((ReadOnlySpan<byte>)row.PhysicalAddress)[mac.Length..].IndexOfAnyExcept((byte)0) < 0, $"{name}: bytes after the address are not zero");
        // iproute2 prints "permaddr" only when it differs from the current address.
        var permanent = row.GetPermanentPhysicalAddressBytes().ToArray();
        if (link.PermanentAddress is not null) Assert.Equal(DocumentedMapping.MacBytes(link.PermanentAddress), permanent);
        else Assert.True(permanent.All(b => b == 0) || permanent.SequenceEqual(mac), $"{name}: permanent address {Convert.ToHexString(permanent)} where ip shows none");

        Assert.Equal(link.Mtu, row.Mtu);
        Assert.Equal(DocumentedMapping.Type(link), row.Type);
        Assert.Equal(DocumentedMapping.TunnelType(link), row.TunnelType);
        Assert.Equal(DocumentedMapping.MediaType(link), row.MediaType);
        Assert.Equal(DocumentedMapping.PhysicalMediumType(link), row.PhysicalMediumType);
        Assert.Equal(DocumentedMapping.AccessType(link), row.AccessType);
        Assert.Equal(NetIfDirectionType.NetIfDirectionSendReceive, row.DirectionType);
        Assert.Equal(DocumentedMapping.AdminStatus(link), row.AdminStatus);
        Assert.True(DocumentedMapping.OperStatus(link) == row.OperStatus,
            $"{name}: OperStatus {row.OperStatus}, ip says operstate {link.OperState} flags {string.Join(',', link.Flags)}");

        var connect = DocumentedMapping.MediaConnectState(link);
        if (connect is { } expected) Assert.True(expected == row.MediaConnectState, $"{name}: {row.MediaConnectState}, ip says flags {string.Join(',', link.Flags)}");
        else Assert.NotEqual(NetIfMediaConnectState.MediaConnectStateUnknown, row.MediaConnectState);

        var flags = row.InterfaceAndOperStatusFlags;
        var hardware = link.ParentDevice is not null;
        Assert.Equal(hardware, flags.HasFlag(InterfaceAndOperStatusFlags.HardwareInterface));
        Assert.Equal(hardware, flags.HasFlag(InterfaceAndOperStatusFlags.ConnectorPresent));
        Assert.Equal(link.OperState == "DORMANT", flags.HasFlag(InterfaceAndOperStatusFlags.NotAuthenticated));
        Assert.Equal(row.MediaConnectState == NetIfMediaConnectState.MediaConnectStateDisconnected, flags.HasFlag(InterfaceAndOperStatusFlags.NotMediaConnected));
        const InterfaceAndOperStatusFlags unavailable = InterfaceAndOperStatusFlags.FilterInterface | InterfaceAndOperStatusFlags.Paused
            | InterfaceAndOperStatusFlags.LowPower | InterfaceAndOperStatusFlags.EndPointInterface;
        Assert.Equal(InterfaceAndOperStatusFlags.None, flags & unavailable);

        Assert.Equal(Guid.Empty, row.NetworkGuid);
        Assert.Equal(NetIfConnectionType.NetIfConnectionDedicated, row.ConnectionType);
        Assert.Equal(row.TransmitLinkSpeed, row.ReceiveLinkSpeed);
        Assert.Equal(0UL, row.InUcastOctets | row.InMulticastOctets | row.InBroadcastOctets);
        Assert.Equal(0UL, row.OutUcastOctets | row.OutMulticastOctets | row.OutBroadcastOctets | row.OutNUcastPkts | row.OutQLen);
    }

    /// <summary>Each counter lies between the iproute2 readings taken just before and just after ours.</summary>
    public static void CountersBetween(string name, IpLinkStats before, in MibIfRow2 row, IpLinkStats after)
    {
        Between(name, "InOctets", before.RxBytes, row.InOctets, after.RxBytes);
        Between(name, "InUcastPkts + InNUcastPkts", before.RxPackets, row.InUcastPkts + row.InNUcastPkts, after.RxPackets);
        Between(name, "InNUcastPkts", before.RxMulticast, row.InNUcastPkts, after.RxMulticast);
        Between(name, "InDiscards", before.RxDropped, row.InDiscards, after.RxDropped);
        Between(name, "InErrors", before.RxErrors, row.InErrors, after.RxErrors);
        Between(name, "InUnknownProtos", before.RxNoHandler, row.InUnknownProtos, after.RxNoHandler);
        Between(name, "OutOctets", before.TxBytes, row.OutOctets, after.TxBytes);
        Between(name, "OutUcastPkts", before.TxPackets, row.OutUcastPkts, after.TxPackets);
        Between(name, "OutDiscards", before.TxDropped, row.OutDiscards, after.TxDropped);
        Between(name, "OutErrors", before.TxErrors, row.OutErrors, after.TxErrors);
    }

    /// <summary>The row with its counters (the 18 ULONG64 fields from InOctets on) zeroed, as bytes.</summary>
    public static byte[] WithoutCounters(MibIfRow2 row)
    {
        ZeroCounters(ref row);
        return MemoryMarshal.AsBytes(new ReadOnlySpan<MibIfRow2>(in row)).ToArray();
    }

    /// <summary>The 18 counters of the row, in layout order.</summary>
    public static ulong[] Counters(in MibIfRow2 row) =>
    [
        row.InOctets, row.InUcastPkts, row.InNUcastPkts, row.InDiscards, row.InErrors, row.InUnknownProtos,
        row.InUcastOctets, row.InMulticastOctets, row.InBroadcastOctets, row.OutOctets, row.OutUcastPkts,
        row.OutNUcastPkts, row.OutDiscards, row.OutErrors, row.OutUcastOctets, row.OutMulticastOctets,
        row.OutBroadcastOctets, row.OutQLen,
    ];

    /// <summary>
    /// The driver name behind a link, from the sysfs of the namespace (<c>ip netns exec</c> mounts it),
    /// or null for a device without a bus device.
    /// </summary>
    public static string? Driver(TestNetns ns, string name)
    {
        try
        {
            return Path.GetFileName(ns.Exec("readlink", "-e", $"/sys/class/net/{name}/device/driver").Trim());
        }
        catch (CommandException)
        {
            return null;
        }
    }

    private static void ZeroCounters(ref MibIfRow2 row)
    {
        row.InOctets = row.InUcastPkts = row.InNUcastPkts = row.InDiscards = row.InErrors = row.InUnknownProtos = 0;
        row.InUcastOctets = row.InMulticastOctets = row.InBroadcastOctets = 0;
        row.OutOctets = row.OutUcastPkts = row.OutNUcastPkts = row.OutDiscards = row.OutErrors = 0;
        row.OutUcastOctets = row.OutMulticastOctets = row.OutBroadcastOctets = row.OutQLen = 0;
    }

    private static void Between(string name, string field, ulong low, ulong value, ulong high) =>
        Assert.True(low <= value && value <= high, $"{name}.{field} = {value}, ip read {low} before and {high} after");
}
