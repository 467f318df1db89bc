using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;

namespace IpHelper.Objects;

/// <summary>
/// A neighbour cache entry as Get-NetNeighbor shows it (MSFT_NetNeighbor): one row of
/// <see cref="NetIo.GetIpNetTable2"/> (the kernel's ARP and ND cache, RTM_GETNEIGH) with its interface alias and
/// a <see cref="PhysicalAddress"/>. Failures throw <see cref="NetIoException"/>.
/// </summary>
public sealed class NetNeighbor
{
    private readonly MibIpNetRow2 _row;

    internal NetNeighbor(in MibIpNetRow2 row, string interfaceAlias)
    {
        _row = row;
        InterfaceAlias = interfaceAlias;
        IPAddress = NetObjects.ToAddress(row.Address) ?? IPAddress.None;
        LinkLayerAddress = row.GetPhysicalAddress();
    }

    /// <summary>The neighbour's IP address.</summary>
    public IPAddress IPAddress { get; }

    /// <summary>The interface index (ifIndex).</summary>
    public uint InterfaceIndex => _row.InterfaceIndex;

    /// <summary>The interface's alias: its Linux name.</summary>
    public string InterfaceAlias { get; }

    /// <summary>The interface's NET_LUID.</summary>
    public NetLuid InterfaceLuid => _row.InterfaceLuid;

    /// <summary>IPv4 (ARP) or IPv6 (neighbour discovery).</summary>
    public IPAddressFamily AddressFamily => _row.Address.Family.ToIPAddressFamily();

    /// <summary>The link-layer address (empty while resolution is incomplete or failed).</summary>
    public PhysicalAddress LinkLayerAddress { get; }

    /// <summary>The NUD state.</summary>
    public NeighborState State => (NeighborState)_row.State;

    /// <summary>Whether the neighbour is a router (NTF_ROUTER).</summary>
    public bool IsRouter => _row.IsRouter;

    /// <summary>Time since the neighbour was last confirmed reachable (NDA_CACHEINFO), or null when it is unreachable.</summary>
    public TimeSpan? LastReachable => _row.IsUnreachable ? null : TimeSpan.FromMilliseconds(_row.LastReachable);

    /// <summary>Linux has only the active store.</summary>
    public string PolicyStore => "ActiveStore";

    /// <summary>The Windows row this object was made from.</summary>
    public MibIpNetRow2 Row => _row;

    /// <summary>Every neighbour of the family (both when null) in the current namespace.</summary>
    /// <exception cref="NetIoException">A read failed.</exception>
    public static IReadOnlyList<NetNeighbor> Get(IPAddressFamily? addressFamily = null)
    {
        var directory = InterfaceDirectory.Read();
        NetIo.GetIpNetTable2(NetObjects.ToTableFamily(addressFamily), out var table).ThrowIfFailed();
        using (table)
        {
            var neighbors = new List<NetNeighbor>(table!.Count);
            foreach (ref readonly var row in table.AsSpan()) neighbors.Add(new NetNeighbor(row, directory.Alias(row.InterfaceIndex)));
            return neighbors;
        }
    }

    /// <summary>Adds a permanent entry (CreateIpNetEntry2), like New-NetNeighbor, and returns it.</summary>
    /// <exception cref="NetIoException">The kernel refused (ObjectAlreadyExists, InvalidParameter, ...); nothing was added.</exception>
    public static NetNeighbor Create(IPAddress address, PhysicalAddress linkLayerAddress, NetLuid interfaceLuid)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(linkLayerAddress);
        var row = new MibIpNetRow2 { Address = NetObjects.ToSockAddr(address), InterfaceLuid = interfaceLuid, State = NlNeighborState.NlnsPermanent };
        row.SetPhysicalAddress(linkLayerAddress.GetAddressBytes());
        NetIo.CreateIpNetEntry2(row).ThrowIfFailed();
        return Reread(row);
    }

    /// <summary>
    /// Sends ARP or a neighbour solicitation and waits for the answer (ResolveIpNetEntry2, up to the kernel's
    /// retransmissions, about 3 s) on a pool thread, so the caller does not block. The namespace of the caller's
    /// scope is used. Cancelling stops the wait, not the probe already sent.
    /// </summary>
    /// <exception cref="NetIoException">No answer (NetworkUnreachable / HostUnreachable) or a bad argument.</exception>
    public static Task<NetNeighbor> ResolveAsync(IPAddress address, NetLuid interfaceLuid = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var row = new MibIpNetRow2 { Address = NetObjects.ToSockAddr(address), InterfaceLuid = interfaceLuid };
        return Task.Run(() =>
        {
            NetIo.ResolveIpNetEntry2(ref row).ThrowIfFailed();
            return new NetNeighbor(row, InterfaceDirectory.Read().Alias(row.InterfaceIndex));
        }, cancellationToken).WaitAsync(cancellationToken);
    }

    /// <summary>Changes the link-layer address (SetIpNetEntry2) and returns the entry as it now is.</summary>
    /// <exception cref="NetIoException">The kernel refused; nothing changed.</exception>
    public NetNeighbor Set(PhysicalAddress linkLayerAddress)
    {
        ArgumentNullException.ThrowIfNull(linkLayerAddress);
        var row = _row;
        row.SetPhysicalAddress(linkLayerAddress.GetAddressBytes());
        row.State = NlNeighborState.NlnsPermanent;
        NetIo.SetIpNetEntry2(ref row).ThrowIfFailed();
        return Reread(row);
    }

    /// <summary>Deletes the entry (DeleteIpNetEntry2).</summary>
    /// <exception cref="NetIoException">The entry is gone (NotFound) or the kernel refused.</exception>
    public void Remove() => NetIo.DeleteIpNetEntry2(_row).ThrowIfFailed();

    /// <summary>The entry in one line: address, link-layer address, interface and state.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{IPAddress} lladdr {NetAdapter.FormatMac(LinkLayerAddress)} dev {InterfaceAlias} (ifIndex {InterfaceIndex}) {State}");

    private static NetNeighbor Reread(MibIpNetRow2 row)
    {
        NetIo.GetIpNetEntry2(ref row).ThrowIfFailed();
        return new NetNeighbor(row, InterfaceDirectory.Read().Alias(row.InterfaceIndex));
    }
}
