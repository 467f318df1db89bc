namespace IpHelper.AddressSelection;

/// <summary>One local unicast address that may serve as a source, with what RFC 6724 section 5 needs to know about it.</summary>
internal readonly record struct SourceCandidate
{
    /// <summary>The address (IPv4 as ::ffff:a.b.c.d).</summary>
    public UInt128 Address { get; init; }

    /// <summary>Its on-link prefix length in 128-bit terms (an IPv4 /24 is 120).</summary>
    public int PrefixLength { get; init; }

    /// <summary>The interface it is assigned to.</summary>
    public uint InterfaceIndex { get; init; }

    /// <summary>Its preferred lifetime has ended (IFA_F_DEPRECATED).</summary>
    public bool Deprecated { get; init; }

    /// <summary>A Mobile IPv6 home address (IFA_F_HOMEADDRESS).</summary>
    public bool Home { get; init; }

    /// <summary>A temporary (privacy) address, RFC 8981.</summary>
    public bool Temporary { get; init; }

    /// <summary>The administrator's privacy preference on its interface: temporary addresses first (Linux use_tempaddr 2).</summary>
    public bool PreferTemporary { get; init; }

    /// <summary>The candidate's scope (RFC 6724 section 3.1).</summary>
    public int Scope => SelectionAddress.Scope(Address);

    /// <summary>True for an IPv4 (mapped) address.</summary>
    public bool IsIpv4 => SelectionAddress.IsIpv4Mapped(Address);
}
