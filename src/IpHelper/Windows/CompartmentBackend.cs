using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Windows;

/// <summary>
/// The Windows backend bound to one network compartment (what <see cref="NetNamespace.Enter(string)"/> gives
/// on Windows): each call moves the calling thread into the compartment (SetCurrentThreadCompartmentId),
/// runs the iphlpapi call there and moves the thread back, so a scope acts on its compartment whatever
/// thread the caller's flow is on. Notifications are registered from inside the compartment.
/// </summary>
internal sealed class CompartmentBackend(INetIoBackend inner, WindowsCompartment compartment) : INetIoBackend
{
    public ulong NamespaceInode => compartment.Id;

    public BackendResult LookupInterface(uint interfaceIndex, out InterfaceIdentity identity)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            identity = default;
            return refused;
        }
        try
        {
            return inner.LookupInterface(interfaceIndex, out identity);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult LookupInterface(in NetLuid luid, out InterfaceIdentity identity)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            identity = default;
            return refused;
        }
        try
        {
            return inner.LookupInterface(in luid, out identity);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult LookupInterface(string alias, out InterfaceIdentity identity)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            identity = default;
            return refused;
        }
        try
        {
            return inner.LookupInterface(alias, out identity);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            identity = default;
            return refused;
        }
        try
        {
            return inner.LookupInterface(interfaceGuid, out identity);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.GetIfEntry(interfaceIndex, withStatistics, ref row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetIfTable(withStatistics, out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIfStackTable(out MibTable<MibIfStackRow>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetIfStackTable(out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetUnicastAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetUnicastAddressTable(family, out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibUnicastIpAddressRow row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            row = default;
            return refused;
        }
        try
        {
            return inner.GetUnicastAddress(in iface, in address, out row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult CreateUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.CreateUnicastAddress(in iface, in row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult SetUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.SetUnicastAddress(in iface, in row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult DeleteUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.DeleteUnicastAddress(in iface, in address);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetAnycastAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetAnycastAddressTable(family, out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibAnycastIpAddressRow row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            row = default;
            return refused;
        }
        try
        {
            return inner.GetAnycastAddress(in iface, in address, out row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult CreateAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.CreateAnycastAddress(in iface, in address);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult DeleteAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.DeleteAnycastAddress(in iface, in address);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetMulticastAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetMulticastAddressTable(family, out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetMulticastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibMulticastIpAddressRow row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            row = default;
            return refused;
        }
        try
        {
            return inner.GetMulticastAddress(in iface, in address, out row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> destinations, out MibTable<SockAddrIn6Pair>? pairs)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            pairs = default;
            return refused;
        }
        try
        {
            return inner.CreateSortedAddressPairs(destinations, out pairs);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIpInterfaceEntry(AddressFamily family, uint interfaceIndex, ref MibIpInterfaceRow row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.GetIpInterfaceEntry(family, interfaceIndex, ref row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIpInterfaceTable(AddressFamily family, out MibTable<MibIpInterfaceRow>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetIpInterfaceTable(family, out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult SetIpInterfaceEntry(in MibIpInterfaceRow row, uint interfaceIndex)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.SetIpInterfaceEntry(in row, interfaceIndex);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult EnterNamespace(string path, string? name, string argument,
        out INetIoContext? context) => inner.EnterNamespace(path, name, argument, out context);

    public BackendResult EnterNamespace(SafeFileHandle descriptor, string argument,
        out INetIoContext? context) => inner.EnterNamespace(descriptor, argument, out context);

    public BackendResult GetThreadNamespaceInode(out ulong inode) => inner.GetThreadNamespaceInode(out inode);

    public BackendResult GetIpNetTable(AddressFamily family, out MibTable<MibIpNetRow2>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetIpNetTable(family, out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address, ref MibIpNetRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.GetIpNetEntry(in identity, in address, ref row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult CreateIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.CreateIpNetEntry(in identity, in row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult SetIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.SetIpNetEntry(in identity, in row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult DeleteIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.DeleteIpNetEntry(in identity, in address);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult FlushIpNetTable(AddressFamily family, uint interfaceIndex)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.FlushIpNetTable(family, interfaceIndex);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult ResolveIpNetEntry(uint interfaceIndex, in SockAddrInet address, in SockAddrInet source, ref MibIpNetRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.ResolveIpNetEntry(interfaceIndex, in address, in source, ref row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult NotifyInterfaceChange(ChangeCallback<MibIfRow2> callback, Action? onResync, bool initialNotification,
        out NotificationHandle? handle)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            handle = default;
            return refused;
        }
        try
        {
            return inner.NotifyInterfaceChange(callback, onResync, initialNotification, out handle);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult NotifyIpInterfaceChange(AddressFamily family, ChangeCallback<MibIpInterfaceRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            handle = default;
            return refused;
        }
        try
        {
            return inner.NotifyIpInterfaceChange(family, callback, onResync, initialNotification, out handle);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult NotifyRouteChange(AddressFamily family, RouteTableSelection tables,
        ChangeCallback<MibIpForwardRow2> callback, Action? onResync, bool initialNotification, out NotificationHandle? handle)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            handle = default;
            return refused;
        }
        try
        {
            return inner.NotifyRouteChange(family, tables, callback, onResync, initialNotification, out handle);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult NotifyUnicastAddressChange(AddressFamily family, ChangeCallback<MibUnicastIpAddressRow> callback,
        Action? onResync, bool initialNotification, out NotificationHandle? handle)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            handle = default;
            return refused;
        }
        try
        {
            return inner.NotifyUnicastAddressChange(family, callback, onResync, initialNotification, out handle);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult NotifyStableUnicastAddressTable(AddressFamily family, Action<MibTable<MibUnicastIpAddressRow>> callback,
        out MibTable<MibUnicastIpAddressRow>? table, out NotificationHandle? handle)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            handle = default;
            return refused;
        }
        try
        {
            return inner.NotifyStableUnicastAddressTable(family, callback, out table, out handle);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIpPathTable(AddressFamily family, out MibTable<MibIpPathRow>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetIpPathTable(family, out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIpPathEntry(in InterfaceIdentity identity, in SockAddrInet destination, in SockAddrInet source,
        ref MibIpPathRow row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.GetIpPathEntry(in identity, in destination, in source, ref row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult FlushIpPathTable(AddressFamily family)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.FlushIpPathTable(family);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIpForwardTable(AddressFamily family, RouteTableSelection tables, out MibTable<MibIpForwardRow2>? table)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            table = default;
            return refused;
        }
        try
        {
            return inner.GetIpForwardTable(family, tables, out table);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    /// <summary>The Windows stream reads the whole table at the call: the compartment is needed for the call only.</summary>
    public BackendResult EnumerateIpForwardTable(AddressFamily family, RouteTableSelection tables, out IMibRowSource<MibIpForwardRow2>? rows)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            rows = default;
            return refused;
        }
        try
        {
            return inner.EnumerateIpForwardTable(family, tables, out rows);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetIpForwardEntry(RouteTableSelection tables, ref MibIpForwardRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.GetIpForwardEntry(tables, ref row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult CreateIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.CreateIpForwardEntry(tables, in row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult SetIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.SetIpForwardEntry(tables, in row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult DeleteIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.DeleteIpForwardEntry(tables, in row);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult CreateIpForwardEntries(RouteTableSelection tables, ReadOnlySpan<MibIpForwardRow2> rows,
        ReadOnlySpan<uint> interfaceIndexes, Span<NetIoErrorDetail?> results)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            return refused;
        }
        try
        {
            return inner.CreateIpForwardEntries(tables, rows, interfaceIndexes, results);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetBestRoute(in SockAddrInet destination, in SockAddrInet source, uint interfaceIndex,
        out MibIpForwardRow2 bestRoute, out SockAddrInet bestSource)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            bestRoute = default;
            bestSource = default;
            return refused;
        }
        try
        {
            return inner.GetBestRoute(in destination, in source, interfaceIndex, out bestRoute, out bestSource);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult FindLocalAddress(in SockAddrInet address, out uint interfaceIndex)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            interfaceIndex = default;
            return refused;
        }
        try
        {
            return inner.FindLocalAddress(in address, out interfaceIndex);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult GetTeredoPort(out ushort port)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            port = default;
            return refused;
        }
        try
        {
            return inner.GetTeredoPort(out port);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }

    public BackendResult NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification,
        out NotificationHandle? handle)
    {
        if (!compartment.TryEnter(out var previous, out var refused))
        {
            handle = default;
            return refused;
        }
        try
        {
            return inner.NotifyTeredoPortChange(callback, initialNotification, out handle);
        }
        finally
        {
            compartment.Leave(previous);
        }
    }
}
