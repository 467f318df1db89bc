namespace IpHelper.AddressSelection;

/// <summary>
/// The RFC 6724 section 2.1 default policy table (the one Windows 8.1 and later ship): the longest
/// matching prefix gives an address its Precedence and Label. IPv4 is looked up as ::ffff:a.b.c.d.
/// </summary>
internal static class PolicyTable
{
    private static readonly (UInt128 Prefix, int Length, int Precedence, int Label)[] s_rows =
    [
        (UInt128.One, 128, 50, 0),                                       // ::1/128
        (new UInt128(0, 0x0000_FFFF_0000_0000), 96, 35, 4),              // ::ffff:0:0/96
        (UInt128.Zero, 96, 1, 3),                                        // ::/96
        (new UInt128(0x2001_0000_0000_0000, 0), 32, 5, 5),               // 2001::/32 (Teredo)
        (new UInt128(0x2002_0000_0000_0000, 0), 16, 30, 2),              // 2002::/16 (6to4)
        (new UInt128(0x3FFE_0000_0000_0000, 0), 16, 1, 12),              // 3ffe::/16 (6bone)
        (new UInt128(0xFEC0_0000_0000_0000, 0), 10, 1, 11),              // fec0::/10 (site-local)
        (new UInt128(0xFC00_0000_0000_0000, 0), 7, 3, 13),               // fc00::/7 (ULA)
        (UInt128.Zero, 0, 40, 1),                                        // ::/0
    ];

    /// <summary>Precedence(A) and Label(A) from the longest matching row (rows are ordered longest first).</summary>
    public static (int Precedence, int Label) Lookup(UInt128 address)
    {
        foreach (var (prefix, length, precedence, label) in s_rows)
            if (SelectionAddress.SamePrefix(address, prefix, length)) return (precedence, label);
        return (40, 1);
    }

    public static int Precedence(UInt128 address) => Lookup(address).Precedence;

    public static int Label(UInt128 address) => Lookup(address).Label;
}
