using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Tests.Unit.Backend;

/// <summary>
/// A backend that answers nothing: every member throws. Unit tests derive from it and override the few
/// members they drive NetIo through, so a call that reaches an unexpected member fails loudly.
/// Generated from the INetIoBackend declarations; regenerate when the interface changes.
/// </summary>
internal abstract class ThrowingBackend : INetIoBackend
{
    public virtual BackendResult LookupInterface(uint interfaceIndex, out InterfaceIdentity identity) => throw new NotSupportedException("LookupInterface: not faked");

    public virtual BackendResult LookupInterface(in NetLuid luid, out InterfaceIdentity identity) => throw new NotSupportedException("LookupInterface: not faked");

    public virtual BackendResult LookupInterface(string alias, out InterfaceIdentity identity) => throw new NotSupportedException("LookupInterface: not faked");

    public virtual BackendResult LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity) => throw new NotSupportedException("LookupInterface: not faked");

    public virtual BackendResult GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row) => throw new NotSupportedException("GetIfEntry: not faked");

    public virtual BackendResult GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table) => throw new NotSupportedException("GetIfTable: not faked");

    public virtual BackendResult GetIfStackTable(out MibTable<MibIfStackRow>? table) => throw new NotSupportedException("GetIfStackTable: not faked");

    public virtual BackendResult GetUnicastAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table) => throw new NotSupportedException("GetUnicastAddressTable: not faked");

    public virtual BackendResult GetUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibUnicastIpAddressRow row) => throw new NotSupportedException("GetUnicastAddress: not faked");

    public virtual BackendResult CreateUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row) => throw new NotSupportedException("CreateUnicastAddress: not faked");

    public virtual BackendResult SetUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row) => throw new NotSupportedException("SetUnicastAddress: not faked");

    public virtual BackendResult DeleteUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address) => throw new NotSupportedException("DeleteUnicastAddress: not faked");

    public virtual BackendResult GetAnycastAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table) => throw new NotSupportedException("GetAnycastAddressTable: not faked");

    public virtual BackendResult GetAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibAnycastIpAddressRow row) => throw new NotSupportedException("GetAnycastAddress: not faked");

    public virtual BackendResult CreateAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address) => throw new NotSupportedException("CreateAnycastAddress: not faked");

    public virtual BackendResult DeleteAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address) => throw new NotSupportedException("DeleteAnycastAddress: not faked");

    public virtual BackendResult GetMulticastAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table) => throw new NotSupportedException("GetMulticastAddressTable: not faked");

    public virtual BackendResult GetMulticastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibMulticastIpAddressRow row) => throw new NotSupportedException("GetMulticastAddress: not faked");

    public virtual BackendResult CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> destinations, out MibTable<SockAddrIn6Pair>? pairs) => throw new NotSupportedException("CreateSortedAddressPairs: not faked");

    public virtual BackendResult GetIpInterfaceEntry(AddressFamily family, uint interfaceIndex, ref MibIpInterfaceRow row) => throw new NotSupportedException("GetIpInterfaceEntry: not faked");

    public virtual BackendResult GetIpInterfaceTable(AddressFamily family, out MibTable<MibIpInterfaceRow>? table) => throw new NotSupportedException("GetIpInterfaceTable: not faked");

    public virtual BackendResult SetIpInterfaceEntry(in MibIpInterfaceRow row, uint interfaceIndex) => throw new NotSupportedException("SetIpInterfaceEntry: not faked");

    public virtual ulong NamespaceInode => throw new NotSupportedException("NamespaceInode: not faked");

    public virtual BackendResult EnterNamespace(string path, string? name, string argument, out INetIoContext? context) => throw new NotSupportedException("EnterNamespace: not faked");

    public virtual BackendResult EnterNamespace(SafeFileHandle descriptor, string argument, out INetIoContext? context) => throw new NotSupportedException("EnterNamespace: not faked");

    public virtual BackendResult GetThreadNamespaceInode(out ulong inode) => throw new NotSupportedException("GetThreadNamespaceInode: not faked");

    public virtual BackendResult GetIpNetTable(AddressFamily family, out MibTable<MibIpNetRow2>? table) => throw new NotSupportedException("GetIpNetTable: not faked");

    public virtual BackendResult GetIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address, ref MibIpNetRow2 row) => throw new NotSupportedException("GetIpNetEntry: not faked");

    public virtual BackendResult CreateIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row) => throw new NotSupportedException("CreateIpNetEntry: not faked");

    public virtual BackendResult SetIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row) => throw new NotSupportedException("SetIpNetEntry: not faked");

    public virtual BackendResult DeleteIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address) => throw new NotSupportedException("DeleteIpNetEntry: not faked");

    public virtual BackendResult FlushIpNetTable(AddressFamily family, uint interfaceIndex) => throw new NotSupportedException("FlushIpNetTable: not faked");

    public virtual BackendResult ResolveIpNetEntry(uint interfaceIndex, in SockAddrInet address, in SockAddrInet source, ref MibIpNetRow2 row) => throw new NotSupportedException("ResolveIpNetEntry: not faked");

    public virtual BackendResult NotifyInterfaceChange(ChangeCallback<MibIfRow2> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyInterfaceChange: not faked");

    public virtual BackendResult NotifyIpInterfaceChange(AddressFamily family, ChangeCallback<MibIpInterfaceRow> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyIpInterfaceChange: not faked");

    public virtual BackendResult NotifyRouteChange(AddressFamily family, RouteTableSelection tables, ChangeCallback<MibIpForwardRow2> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyRouteChange: not faked");

    public virtual BackendResult NotifyUnicastAddressChange(AddressFamily family, ChangeCallback<MibUnicastIpAddressRow> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyUnicastAddressChange: not faked");

    public virtual BackendResult NotifyStableUnicastAddressTable(AddressFamily family, Action<MibTable<MibUnicastIpAddressRow>> callback, out MibTable<MibUnicastIpAddressRow>? table, out NotificationHandle? handle) => throw new NotSupportedException("NotifyStableUnicastAddressTable: not faked");

    public virtual BackendResult GetIpPathTable(AddressFamily family, out MibTable<MibIpPathRow>? table) => throw new NotSupportedException("GetIpPathTable: not faked");

    public virtual BackendResult GetIpPathEntry(in InterfaceIdentity identity, in SockAddrInet destination, in SockAddrInet source, ref MibIpPathRow row) => throw new NotSupportedException("GetIpPathEntry: not faked");

    public virtual BackendResult FlushIpPathTable(AddressFamily family) => throw new NotSupportedException("FlushIpPathTable: not faked");

    public virtual BackendResult GetIpForwardTable(AddressFamily family, RouteTableSelection tables, out MibTable<MibIpForwardRow2>? table) => throw new NotSupportedException("GetIpForwardTable: not faked");

    public virtual BackendResult EnumerateIpForwardTable(AddressFamily family, RouteTableSelection tables, out IMibRowSource<MibIpForwardRow2>? rows) => throw new NotSupportedException("EnumerateIpForwardTable: not faked");

    public virtual BackendResult GetIpForwardEntry(RouteTableSelection tables, ref MibIpForwardRow2 row) => throw new NotSupportedException("GetIpForwardEntry: not faked");

    public virtual BackendResult CreateIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row) => throw new NotSupportedException("CreateIpForwardEntry: not faked");

    public virtual BackendResult SetIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row) => throw new NotSupportedException("SetIpForwardEntry: not faked");

    public virtual BackendResult DeleteIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row) => throw new NotSupportedException("DeleteIpForwardEntry: not faked");

    public virtual BackendResult CreateIpForwardEntries(RouteTableSelection tables, ReadOnlySpan<MibIpForwardRow2> rows, ReadOnlySpan<uint> interfaceIndexes, Span<NetIoErrorDetail?> results) => throw new NotSupportedException("CreateIpForwardEntries: not faked");

    public virtual BackendResult GetBestRoute(in SockAddrInet destination, in SockAddrInet source, uint interfaceIndex, out MibIpForwardRow2 bestRoute, out SockAddrInet bestSource) => throw new NotSupportedException("GetBestRoute: not faked");

    public virtual BackendResult FindLocalAddress(in SockAddrInet address, out uint interfaceIndex) => throw new NotSupportedException("FindLocalAddress: not faked");

    public virtual BackendResult GetTeredoPort(out ushort port) => throw new NotSupportedException("GetTeredoPort: not faked");

    public virtual BackendResult NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyTeredoPortChange: not faked");
}
