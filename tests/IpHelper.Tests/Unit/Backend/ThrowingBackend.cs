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
    public virtual NetIoStatus GetUnicastAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table) => throw new NotSupportedException("GetUnicastAddressTable: not faked");

    public virtual NetIoStatus GetUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibUnicastIpAddressRow row) => throw new NotSupportedException("GetUnicastAddress: not faked");

    public virtual NetIoStatus CreateUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row) => throw new NotSupportedException("CreateUnicastAddress: not faked");

    public virtual NetIoStatus SetUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row) => throw new NotSupportedException("SetUnicastAddress: not faked");

    public virtual NetIoStatus DeleteUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address) => throw new NotSupportedException("DeleteUnicastAddress: not faked");

    public virtual NetIoStatus GetAnycastAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table) => throw new NotSupportedException("GetAnycastAddressTable: not faked");

    public virtual NetIoStatus GetAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibAnycastIpAddressRow row) => throw new NotSupportedException("GetAnycastAddress: not faked");

    public virtual NetIoStatus CreateAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address) => throw new NotSupportedException("CreateAnycastAddress: not faked");

    public virtual NetIoStatus DeleteAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address) => throw new NotSupportedException("DeleteAnycastAddress: not faked");

    public virtual NetIoStatus GetMulticastAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table) => throw new NotSupportedException("GetMulticastAddressTable: not faked");

    public virtual NetIoStatus GetMulticastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibMulticastIpAddressRow row) => throw new NotSupportedException("GetMulticastAddress: not faked");

    public virtual NetIoStatus CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> destinations, out MibTable<SockAddrIn6Pair>? pairs) => throw new NotSupportedException("CreateSortedAddressPairs: not faked");

    public virtual NetIoStatus GetIpInterfaceEntry(AddressFamily family, uint interfaceIndex, ref MibIpInterfaceRow row) => throw new NotSupportedException("GetIpInterfaceEntry: not faked");

    public virtual NetIoStatus GetIpInterfaceTable(AddressFamily family, out MibTable<MibIpInterfaceRow>? table) => throw new NotSupportedException("GetIpInterfaceTable: not faked");

    public virtual NetIoStatus SetIpInterfaceEntry(in MibIpInterfaceRow row, uint interfaceIndex) => throw new NotSupportedException("SetIpInterfaceEntry: not faked");

    public virtual ulong NamespaceInode => throw new NotSupportedException("NamespaceInode: not faked");

    public virtual NetIoStatus EnterNamespace(string path, string? name, string argument, out INetIoContext? context) => throw new NotSupportedException("EnterNamespace: not faked");

    public virtual NetIoStatus EnterNamespace(SafeFileHandle descriptor, string argument, out INetIoContext? context) => throw new NotSupportedException("EnterNamespace: not faked");

    public virtual NetIoStatus GetThreadNamespaceInode(out ulong inode) => throw new NotSupportedException("GetThreadNamespaceInode: not faked");

    public virtual NetIoStatus GetIpNetTable(AddressFamily family, out MibTable<MibIpNetRow2>? table) => throw new NotSupportedException("GetIpNetTable: not faked");

    public virtual NetIoStatus GetIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address, ref MibIpNetRow2 row) => throw new NotSupportedException("GetIpNetEntry: not faked");

    public virtual NetIoStatus CreateIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row) => throw new NotSupportedException("CreateIpNetEntry: not faked");

    public virtual NetIoStatus SetIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row) => throw new NotSupportedException("SetIpNetEntry: not faked");

    public virtual NetIoStatus DeleteIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address) => throw new NotSupportedException("DeleteIpNetEntry: not faked");

    public virtual NetIoStatus FlushIpNetTable(AddressFamily family, uint interfaceIndex) => throw new NotSupportedException("FlushIpNetTable: not faked");

    public virtual NetIoStatus ResolveIpNetEntry(uint interfaceIndex, in SockAddrInet address, in SockAddrInet source, ref MibIpNetRow2 row) => throw new NotSupportedException("ResolveIpNetEntry: not faked");

    public virtual NetIoStatus NotifyInterfaceChange(ChangeCallback<MibIfRow2> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyInterfaceChange: not faked");

    public virtual NetIoStatus NotifyIpInterfaceChange(AddressFamily family, ChangeCallback<MibIpInterfaceRow> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyIpInterfaceChange: not faked");

    public virtual NetIoStatus NotifyRouteChange(AddressFamily family, RouteTableSelection tables, ChangeCallback<MibIpForwardRow2> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyRouteChange: not faked");

    public virtual NetIoStatus NotifyUnicastAddressChange(AddressFamily family, ChangeCallback<MibUnicastIpAddressRow> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyUnicastAddressChange: not faked");

    public virtual NetIoStatus GetIpPathTable(AddressFamily family, out MibTable<MibIpPathRow>? table) => throw new NotSupportedException("GetIpPathTable: not faked");

    public virtual NetIoStatus GetIpPathEntry(in InterfaceIdentity identity, in SockAddrInet destination, in SockAddrInet source, ref MibIpPathRow row) => throw new NotSupportedException("GetIpPathEntry: not faked");

    public virtual NetIoStatus FlushIpPathTable(AddressFamily family) => throw new NotSupportedException("FlushIpPathTable: not faked");

    public virtual NetIoStatus GetIpForwardTable(AddressFamily family, RouteTableSelection tables, out MibTable<MibIpForwardRow2>? table) => throw new NotSupportedException("GetIpForwardTable: not faked");

    public virtual NetIoStatus EnumerateIpForwardTable(AddressFamily family, RouteTableSelection tables, out IMibRowSource<MibIpForwardRow2>? rows) => throw new NotSupportedException("EnumerateIpForwardTable: not faked");

    public virtual NetIoStatus GetIpForwardEntry(RouteTableSelection tables, ref MibIpForwardRow2 row) => throw new NotSupportedException("GetIpForwardEntry: not faked");

    public virtual NetIoStatus CreateIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row) => throw new NotSupportedException("CreateIpForwardEntry: not faked");

    public virtual NetIoStatus SetIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row) => throw new NotSupportedException("SetIpForwardEntry: not faked");

    public virtual NetIoStatus DeleteIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row) => throw new NotSupportedException("DeleteIpForwardEntry: not faked");

    public virtual NetIoStatus CreateIpForwardEntries(RouteTableSelection tables, ReadOnlySpan<MibIpForwardRow2> rows, ReadOnlySpan<uint> interfaceIndexes, Span<NetIoErrorDetail?> results) => throw new NotSupportedException("CreateIpForwardEntries: not faked");

    public virtual NetIoStatus GetBestRoute(in SockAddrInet destination, in SockAddrInet source, uint interfaceIndex, out MibIpForwardRow2 bestRoute, out SockAddrInet bestSource) => throw new NotSupportedException("GetBestRoute: not faked");

    public virtual NetIoStatus FindLocalAddress(in SockAddrInet address, out uint interfaceIndex) => throw new NotSupportedException("FindLocalAddress: not faked");

    public virtual NetIoStatus GetTeredoPort(out ushort port) => throw new NotSupportedException("GetTeredoPort: not faked");

    public virtual NetIoStatus NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification, out NotificationHandle? handle) => throw new NotSupportedException("NotifyTeredoPortChange: not faked");

    public virtual NetIoStatus LookupInterface(uint interfaceIndex, out InterfaceIdentity identity) => throw new NotSupportedException("LookupInterface: not faked");

    public virtual NetIoStatus LookupInterface(string alias, out InterfaceIdentity identity) => throw new NotSupportedException("LookupInterface: not faked");

    public virtual NetIoStatus LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity) => throw new NotSupportedException("LookupInterface: not faked");

    public virtual NetIoStatus GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row) => throw new NotSupportedException("GetIfEntry: not faked");

    public virtual NetIoStatus GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table) => throw new NotSupportedException("GetIfTable: not faked");

    public virtual NetIoStatus GetIfStackTable(out MibTable<MibIfStackRow>? table) => throw new NotSupportedException("GetIfStackTable: not faked");
}
