using System.Diagnostics.CodeAnalysis;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// A copy of the kernel facts of one unicast address that outlives the receive buffer: what a change
/// or a deletion must send back to the kernel to name (and keep) the address exactly.
/// </summary>
internal struct AddressSnapshot
{
    public byte Family;
    public int Index;
    public byte PrefixLength;
    public byte Scope;
    public uint Flags;
    public byte Protocol;
    public uint RoutePriority;
    public uint ValidLifetime;
    public uint PreferredLifetime;
    public Ipv6AddressBytes LocalBytes;
    public Ipv6AddressBytes PeerBytes;
    public byte AddressLength;
    public bool HasPeer;
    public LabelBytes LabelBytes;
    public byte LabelLength;

    /// <summary>Copies the facts of a decoded unicast message.</summary>
    public static AddressSnapshot From(in AddressMessage message)
    {
        var snapshot = new AddressSnapshot
        {
            Family = message.Family,
            Index = message.Index,
            PrefixLength = message.PrefixLength,
            Scope = message.Scope,
            Flags = message.Flags,
            Protocol = message.Protocol,
            RoutePriority = message.RoutePriority,
            ValidLifetime = message.HasCacheInfo ? message.ValidLifetime : AddressConstants.InfiniteLifetime,
            PreferredLifetime = message.HasCacheInfo ? message.PreferredLifetime : AddressConstants.InfiniteLifetime,
        };
        var local = message.LocalAddress;
        local.CopyTo(snapshot.LocalBytes);
        snapshot.AddressLength = (byte)local.Length;
        // IFA_ADDRESS differs from IFA_LOCAL only for a point-to-point address, where it is the peer.
        if (!message.Local.IsEmpty && !message.Address.IsEmpty && !message.Address.SequenceEqual(message.Local))
        {
            message.Address.CopyTo(snapshot.PeerBytes);
            snapshot.HasPeer = true;
        }
        if (message.Label.Length <= LabelBytes.Length)
        {
            message.Label.CopyTo(snapshot.LabelBytes);
            snapshot.LabelLength = (byte)message.Label.Length;
        }
        return snapshot;
    }

    /// <summary>An AddressSpec naming this address; the caller adds lifetimes, flags and protocol with a <c>with</c> copy.</summary>
    [UnscopedRef]
    public readonly AddressSpec Spec() => new()
    {
        Family = Family,
        Index = Index,
        PrefixLength = PrefixLength,
        Scope = Scope,
        Address = Local,
        Peer = HasPeer ? Peer : default,
        Flags = Flags & AddressConstants.UserFlags,
        Protocol = Protocol,
        RoutePriority = RoutePriority,
        ValidLifetime = ValidLifetime,
        PreferredLifetime = PreferredLifetime,
        Label = Label,
    };

    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Local => ((ReadOnlySpan<byte>)LocalBytes)[..AddressLength];
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Peer => ((ReadOnlySpan<byte>)PeerBytes)[..AddressLength];
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Label => ((ReadOnlySpan<byte>)LabelBytes)[..LabelLength];
}

/// <summary>IFNAMSIZ bytes: an interface label with its NUL.</summary>
[System.Runtime.CompilerServices.InlineArray(Length)]
internal struct LabelBytes
{
    public const int Length = 16;
    private byte _element0;
}
