using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Tests.Unit.Backend;

/// <summary>
/// An in-memory backend that answers every member: it knows one interface (index 7, an Ethernet LUID,
/// alias "fake0"), writes down each member NetIo calls (<see cref="Calls"/>), and returns success (empty
/// tables) except for the member named in <see cref="FailingMember"/>, which returns <see cref="Failure"/>.
/// Members generated from the INetIoBackend declarations; regenerate when the interface changes.
/// </summary>
internal sealed class RecordingBackend : INetIoBackend
{
    public const ulong Inode = 4026538888;

    public static readonly InterfaceIdentity Interface =
        new(7, new NetLuid(7, (ushort)IfType.EthernetCsmacd), "fake0", new Guid("0e4f0a51-7a3e-4c47-9d5e-0000000000f7"));

    /// <summary>The members called, in order (overloads named by what they look up, as "LookupInterface(luid)").</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The member that fails; every other member succeeds.</summary>
    public string? FailingMember { get; set; }

    /// <summary>What <see cref="FailingMember"/> returns.</summary>
    public BackendResult Failure { get; set; } =
        BackendResult.Fail(NetIoStatus.AccessDenied, "the fake backend refuses", "Fake", errno: 13, kernelMessage: "fake kernel text");

    private BackendResult Answer(string member)
    {
        lock (Calls) Calls.Add(member);
        return member == FailingMember ? Failure : BackendResult.Success;
    }

    private static BackendResult NoInterface(string member) => BackendResult.Fail(NetIoStatus.FileNotFound, $"{member}: the fake has no such interface");

    private static InterfaceIdentity? Known(uint index) => index == Interface.Index ? Interface : null;

    private static InterfaceIdentity? Known(in NetLuid luid) => luid == Interface.Luid ? Interface : null;

    private static InterfaceIdentity? Known(string alias) => alias == Interface.Alias ? Interface : null;

    private static InterfaceIdentity? Known(Guid guid) => guid == Interface.Guid ? Interface : null;

    public BackendResult LookupInterface(uint interfaceIndex, out InterfaceIdentity identity)
    {
        var result = Answer("LookupInterface(index)");
        identity = result == NetIoStatus.Success && Known(interfaceIndex) is { } known ? known : default;
        return result == NetIoStatus.Success && identity.Index == 0 ? NoInterface("LookupInterface(index)") : result;
    }

    public BackendResult LookupInterface(in NetLuid luid, out InterfaceIdentity identity)
    {
        var result = Answer("LookupInterface(luid)");
        identity = result == NetIoStatus.Success && Known(luid) is { } known ? known : default;
        return result == NetIoStatus.Success && identity.Index == 0 ? NoInterface("LookupInterface(luid)") : result;
    }

    public BackendResult LookupInterface(string alias, out InterfaceIdentity identity)
    {
        var result = Answer("LookupInterface(alias)");
        identity = result == NetIoStatus.Success && Known(alias) is { } known ? known : default;
        return result == NetIoStatus.Success && identity.Index == 0 ? NoInterface("LookupInterface(alias)") : result;
    }

    public BackendResult LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity)
    {
        var result = Answer("LookupInterface(guid)");
        identity = result == NetIoStatus.Success && Known(interfaceGuid) is { } known ? known : default;
        return result == NetIoStatus.Success && identity.Index == 0 ? NoInterface("LookupInterface(guid)") : result;
    }

    public BackendResult GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row)
    {
        var result = Answer("GetIfEntry");
        return result;
    }

    public BackendResult GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table)
    {
        var result = Answer("GetIfTable");
        table = result == NetIoStatus.Success ? MibTable<MibIfRow2>.Empty() : null;
        return result;
    }

    public BackendResult GetIfStackTable(out MibTable<MibIfStackRow>? table)
    {
        var result = Answer("GetIfStackTable");
        table = result == NetIoStatus.Success ? MibTable<MibIfStackRow>.Empty() : null;
        return result;
    }

    public BackendResult GetUnicastAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table)
    {
        var result = Answer("GetUnicastAddressTable");
        table = result == NetIoStatus.Success ? MibTable<MibUnicastIpAddressRow>.Empty() : null;
        return result;
    }

    public BackendResult GetUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibUnicastIpAddressRow row)
    {
        var result = Answer("GetUnicastAddress");
        row = default;
        return result;
    }

    public BackendResult CreateUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row)
    {
        var result = Answer("CreateUnicastAddress");
        return result;
    }

    public BackendResult SetUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row)
    {
        var result = Answer("SetUnicastAddress");
        return result;
    }

    public BackendResult DeleteUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        var result = Answer("DeleteUnicastAddress");
        return result;
    }

    public BackendResult GetAnycastAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table)
    {
        var result = Answer("GetAnycastAddressTable");
        table = result == NetIoStatus.Success ? MibTable<MibAnycastIpAddressRow>.Empty() : null;
        return result;
    }

    public BackendResult GetAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibAnycastIpAddressRow row)
    {
        var result = Answer("GetAnycastAddress");
        row = default;
        return result;
    }

    public BackendResult CreateAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        var result = Answer("CreateAnycastAddress");
        return result;
    }

    public BackendResult DeleteAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        var result = Answer("DeleteAnycastAddress");
        return result;
    }

    public BackendResult GetMulticastAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table)
    {
        var result = Answer("GetMulticastAddressTable");
        table = result == NetIoStatus.Success ? MibTable<MibMulticastIpAddressRow>.Empty() : null;
        return result;
    }

    public BackendResult GetMulticastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibMulticastIpAddressRow row)
    {
        var result = Answer("GetMulticastAddress");
        row = default;
        return result;
    }

    public BackendResult CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> destinations, out MibTable<SockAddrIn6Pair>? pairs)
    {
        var result = Answer("CreateSortedAddressPairs");
        pairs = result == NetIoStatus.Success ? MibTable<SockAddrIn6Pair>.Empty() : null;
        return result;
    }

    public BackendResult GetIpInterfaceEntry(AddressFamily family, uint interfaceIndex, ref MibIpInterfaceRow row)
    {
        var result = Answer("GetIpInterfaceEntry");
        return result;
    }

    public BackendResult GetIpInterfaceTable(AddressFamily family, out MibTable<MibIpInterfaceRow>? table)
    {
        var result = Answer("GetIpInterfaceTable");
        table = result == NetIoStatus.Success ? MibTable<MibIpInterfaceRow>.Empty() : null;
        return result;
    }

    public BackendResult SetIpInterfaceEntry(in MibIpInterfaceRow row, uint interfaceIndex)
    {
        var result = Answer("SetIpInterfaceEntry");
        return result;
    }

    public ulong NamespaceInode => Inode;

    public BackendResult EnterNamespace(string path, string? name, string argument, out INetIoContext? context)
    {
        var result = Answer("EnterNamespace(path)");
        context = default;
        return result;
    }

    public BackendResult EnterNamespace(SafeFileHandle descriptor, string argument, out INetIoContext? context)
    {
        var result = Answer("EnterNamespace(descriptor)");
        context = default;
        return result;
    }

    public BackendResult GetThreadNamespaceInode(out ulong inode)
    {
        var result = Answer("GetThreadNamespaceInode");
        inode = default;
        return result;
    }

    public BackendResult GetIpNetTable(AddressFamily family, out MibTable<MibIpNetRow2>? table)
    {
        var result = Answer("GetIpNetTable");
        table = result == NetIoStatus.Success ? MibTable<MibIpNetRow2>.Empty() : null;
        return result;
    }

    public BackendResult GetIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address, ref MibIpNetRow2 row)
    {
        var result = Answer("GetIpNetEntry");
        return result;
    }

    public BackendResult CreateIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row)
    {
        var result = Answer("CreateIpNetEntry");
        return result;
    }

    public BackendResult SetIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row)
    {
        var result = Answer("SetIpNetEntry");
        return result;
    }

    public BackendResult DeleteIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address)
    {
        var result = Answer("DeleteIpNetEntry");
        return result;
    }

    public BackendResult FlushIpNetTable(AddressFamily family, uint interfaceIndex)
    {
        var result = Answer("FlushIpNetTable");
        return result;
    }

    public BackendResult ResolveIpNetEntry(uint interfaceIndex, in SockAddrInet address, in SockAddrInet source, ref MibIpNetRow2 row)
    {
        var result = Answer("ResolveIpNetEntry");
        return result;
    }

    public BackendResult NotifyInterfaceChange(ChangeCallback<MibIfRow2> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle)
    {
        var result = Answer("NotifyInterfaceChange");
        handle = default;
        return result;
    }

    public BackendResult NotifyIpInterfaceChange(AddressFamily family, ChangeCallback<MibIpInterfaceRow> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle)
    {
        var result = Answer("NotifyIpInterfaceChange");
        handle = default;
        return result;
    }

    public BackendResult NotifyRouteChange(AddressFamily family, RouteTableSelection tables, ChangeCallback<MibIpForwardRow2> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle)
    {
        var result = Answer("NotifyRouteChange");
        handle = default;
        return result;
    }

    public BackendResult NotifyUnicastAddressChange(AddressFamily family, ChangeCallback<MibUnicastIpAddressRow> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle)
    {
        var result = Answer("NotifyUnicastAddressChange");
        handle = default;
        return result;
    }

    public BackendResult NotifyStableUnicastAddressTable(AddressFamily family, Action<MibTable<MibUnicastIpAddressRow>> callback, out MibTable<MibUnicastIpAddressRow>? table, out NotificationHandle? handle)
    {
        var result = Answer("NotifyStableUnicastAddressTable");
        table = result == NetIoStatus.Success ? MibTable<MibUnicastIpAddressRow>.Empty() : null;
        handle = default;
        return result;
    }

    public BackendResult GetIpPathTable(AddressFamily family, out MibTable<MibIpPathRow>? table)
    {
        var result = Answer("GetIpPathTable");
        table = result == NetIoStatus.Success ? MibTable<MibIpPathRow>.Empty() : null;
        return result;
    }

    public BackendResult GetIpPathEntry(in InterfaceIdentity identity, in SockAddrInet destination, in SockAddrInet source, ref MibIpPathRow row)
    {
        var result = Answer("GetIpPathEntry");
        return result;
    }

    public BackendResult FlushIpPathTable(AddressFamily family)
    {
        var result = Answer("FlushIpPathTable");
        return result;
    }

    public BackendResult GetIpForwardTable(AddressFamily family, RouteTableSelection tables, out MibTable<MibIpForwardRow2>? table)
    {
        var result = Answer("GetIpForwardTable");
        table = result == NetIoStatus.Success ? MibTable<MibIpForwardRow2>.Empty() : null;
        return result;
    }

    public BackendResult EnumerateIpForwardTable(AddressFamily family, RouteTableSelection tables, out IMibRowSource<MibIpForwardRow2>? rows)
    {
        var result = Answer("EnumerateIpForwardTable");
        rows = result == NetIoStatus.Success ? new MibTableRowSource<MibIpForwardRow2>(MibTable<MibIpForwardRow2>.Empty()) : null;
        return result;
    }

    public BackendResult GetIpForwardEntry(RouteTableSelection tables, ref MibIpForwardRow2 row)
    {
        var result = Answer("GetIpForwardEntry");
        return result;
    }

    public BackendResult CreateIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        var result = Answer("CreateIpForwardEntry");
        return result;
    }

    public BackendResult SetIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        var result = Answer("SetIpForwardEntry");
        return result;
    }

    public BackendResult DeleteIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        var result = Answer("DeleteIpForwardEntry");
        return result;
    }

    public BackendResult CreateIpForwardEntries(RouteTableSelection tables, ReadOnlySpan<MibIpForwardRow2> rows, ReadOnlySpan<uint> interfaceIndexes, Span<NetIoErrorDetail?> results)
    {
        var result = Answer("CreateIpForwardEntries");
        return result;
    }

    public BackendResult GetBestRoute(in SockAddrInet destination, in SockAddrInet source, uint interfaceIndex, out MibIpForwardRow2 bestRoute, out SockAddrInet bestSource)
    {
        var result = Answer("GetBestRoute");
        bestRoute = default;
        bestSource = default;
        return result;
    }

    public BackendResult FindLocalAddress(in SockAddrInet address, out uint interfaceIndex)
    {
        var result = Answer("FindLocalAddress");
        interfaceIndex = default;
        return result;
    }

    public BackendResult GetTeredoPort(out ushort port)
    {
        var result = Answer("GetTeredoPort");
        port = default;
        return result;
    }

    public BackendResult NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification, out NotificationHandle? handle)
    {
        var result = Answer("NotifyTeredoPortChange");
        handle = default;
        return result;
    }
}
