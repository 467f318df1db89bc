using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace IpHelper.Objects;

/// <summary>
/// A unicast address as Get-NetIPAddress shows it (MSFT_NetIPAddress): one row of
/// <see cref="NetIo.GetUnicastIpAddressTable"/> with its interface alias, BCL types, TimeSpan lifetimes and the
/// creation time as a <see cref="DateTimeOffset"/>. Linux values come from RTM_GETADDR (docs/mapping.md); failures
/// throw <see cref="NetIoException"/>.
/// </summary>
public sealed class NetIPAddress
{
    private readonly MibUnicastIpAddressRow _row;

    internal NetIPAddress(in MibUnicastIpAddressRow row, string interfaceAlias)
    {
        _row = row;
        InterfaceAlias = interfaceAlias;
        IPAddress = NetObjects.ToAddress(row.Address) ?? IPAddress.None;
    }

    /// <summary>The address; an IPv6 link-local address carries its scope id (the interface index).</summary>
    public IPAddress IPAddress { get; }

    /// <summary>The interface index (ifIndex).</summary>
    public uint InterfaceIndex => _row.InterfaceIndex;

    /// <summary>The interface's alias: its Linux name.</summary>
    public string InterfaceAlias { get; }

    /// <summary>The interface's NET_LUID.</summary>
    public NetLuid InterfaceLuid => _row.InterfaceLuid;

    /// <summary>IPv4 or IPv6.</summary>
    public IPAddressFamily AddressFamily => _row.Address.Family.ToIPAddressFamily();

    /// <summary>Always Unicast: anycast addresses are not listed by Get-NetIPAddress here.</summary>
    public string Type => "Unicast";

    /// <summary>The on-link prefix length (IFA prefixlen).</summary>
    public byte PrefixLength => _row.OnLinkPrefixLength;

    /// <summary>Where the prefix came from.</summary>
    public AddressPrefixOrigin PrefixOrigin => (AddressPrefixOrigin)_row.PrefixOrigin;

    /// <summary>Where the interface part came from.</summary>
    public AddressSuffixOrigin SuffixOrigin => (AddressSuffixOrigin)_row.SuffixOrigin;

    /// <summary>The DAD state (IFA_F_TENTATIVE, IFA_F_DEPRECATED, IFA_F_DADFAILED).</summary>
    public AddressState AddressState => (AddressState)_row.DadState;

    /// <summary>Remaining valid lifetime (IFA_CACHEINFO); <see cref="TimeSpan.MaxValue"/> for forever.</summary>
    public TimeSpan ValidLifetime => NetObjects.LifetimeFromSeconds(_row.ValidLifetime);

    /// <summary>Remaining preferred lifetime; <see cref="TimeSpan.MaxValue"/> for forever.</summary>
    public TimeSpan PreferredLifetime => NetObjects.LifetimeFromSeconds(_row.PreferredLifetime);

    /// <summary>Always false: Linux has no skip-as-source flag (docs/mapping.md).</summary>
    public bool SkipAsSource => _row.SkipAsSource;

    /// <summary>When the address was added (IFA_CACHEINFO cstamp), or null when the kernel did not say.</summary>
    public DateTimeOffset? CreationTime => NetObjects.FromFileTime(_row.CreationTimeStamp);

    /// <summary>Linux has only the active store.</summary>
    public string PolicyStore => "ActiveStore";

    /// <summary>The address as text when it is IPv4, else null (MSFT_NetIPAddress has both properties).</summary>
    public string? IPv4Address => AddressFamily == IPAddressFamily.IPv4 ? IPAddress.ToString() : null;

    /// <summary>The address as text when it is IPv6, else null.</summary>
    public string? IPv6Address => AddressFamily == IPAddressFamily.IPv6 ? IPAddress.ToString() : null;

    /// <summary>The Windows row this object was made from.</summary>
    public MibUnicastIpAddressRow Row => _row;

    /// <summary>Every unicast address of the family (both when null) in the current namespace.</summary>
    /// <exception cref="NetIoException">A read failed.</exception>
    public static IReadOnlyList<NetIPAddress> Get(IPAddressFamily? addressFamily = null)
    {
        var directory = InterfaceDirectory.Read();
        NetIo.GetUnicastIpAddressTable(NetObjects.ToTableFamily(addressFamily), out var table).ThrowIfFailed();
        using (table)
        {
            var addresses = new List<NetIPAddress>(table!.Count);
            foreach (ref readonly var row in table.AsSpan()) addresses.Add(new NetIPAddress(row, directory.Alias(row.InterfaceIndex)));
            return addresses;
        }
    }

    /// <summary>
    /// Adds an address (CreateUnicastIpAddressEntry) with an on-link prefix length and lifetimes (infinite by default)
    /// and returns it as the kernel now has it.
    /// </summary>
    /// <exception cref="NetIoException">The kernel refused (ObjectAlreadyExists, InvalidParameter, AccessDenied, ...); nothing was added.</exception>
    public static NetIPAddress Create(IPAddress address, byte prefixLength, NetLuid interfaceLuid, TimeSpan? validLifetime = null, TimeSpan? preferredLifetime = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        NetIo.InitializeUnicastIpAddressEntry(out var row);
        row.Address = NetObjects.ToSockAddr(address);
        row.OnLinkPrefixLength = prefixLength;
        row.InterfaceLuid = interfaceLuid;
        if (validLifetime is { } valid) row.ValidLifetime = NetObjects.LifetimeToSeconds(valid);
        row.PreferredLifetime = preferredLifetime is { } preferred ? NetObjects.LifetimeToSeconds(preferred) : row.ValidLifetime;
        NetIo.CreateUnicastIpAddressEntry(row).ThrowIfFailed();
        return Reread(row);
    }

    /// <summary>Changes the lifetimes (SetUnicastIpAddressEntry); null keeps a value. Returns the address as it now is.</summary>
    /// <exception cref="NetIoException">The address is gone (NotFound) or the kernel refused; nothing changed.</exception>
    public NetIPAddress Set(TimeSpan? validLifetime = null, TimeSpan? preferredLifetime = null)
    {
        var row = _row;
        NetIo.GetUnicastIpAddressEntry(ref row).ThrowIfFailed();
        if (validLifetime is { } valid) row.ValidLifetime = NetObjects.LifetimeToSeconds(valid);
        if (preferredLifetime is { } preferred) row.PreferredLifetime = NetObjects.LifetimeToSeconds(preferred);
        else row.PreferredLifetime = Math.Min(row.PreferredLifetime, row.ValidLifetime);
        NetIo.SetUnicastIpAddressEntry(row).ThrowIfFailed();
        return Reread(row);
    }

    /// <summary>Deletes the address (DeleteUnicastIpAddressEntry).</summary>
    /// <exception cref="NetIoException">The address is gone (NotFound) or the kernel refused.</exception>
    public void Remove() => NetIo.DeleteUnicastIpAddressEntry(_row).ThrowIfFailed();

    /// <summary>The unicast address table's changes (NotifyUnicastIpAddressChange's stream) as objects.</summary>
    /// <exception cref="NetIoException">The registration failed.</exception>
    public static async IAsyncEnumerable<NetChange<NetIPAddress>> WatchAsync(IPAddressFamily? addressFamily = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var change in NetIo.WatchUnicastIpAddressChanges(NetObjects.ToTableFamily(addressFamily), cancellationToken).ConfigureAwait(false))
        {
            NetIPAddress? address = change.Row is { } row ? new NetIPAddress(row, InterfaceDirectory.Read().Alias(row.InterfaceIndex)) : null;
            yield return new NetChange<NetIPAddress>(change.NotificationType, address, change.IsResync);
        }
    }

    /// <summary>The address in one line: address/prefix, interface and state.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{IPAddress}/{PrefixLength} dev {InterfaceAlias} (ifIndex {InterfaceIndex}) {AddressState} {PrefixOrigin}/{SuffixOrigin}");

    private static NetIPAddress Reread(MibUnicastIpAddressRow row)
    {
        NetIo.GetUnicastIpAddressEntry(ref row).ThrowIfFailed();
        return new NetIPAddress(row, InterfaceDirectory.Read().Alias(row.InterfaceIndex));
    }
}
