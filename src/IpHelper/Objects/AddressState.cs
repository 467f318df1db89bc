namespace IpHelper.Objects;

/// <summary>MSFT_NetIPAddress.AddressState: the duplicate-address-detection state (NL_DAD_STATE without its prefix).</summary>
public enum AddressState
{
    /// <summary>Invalid (on Linux: DAD failed and the address was kept, IFA_F_DADFAILED).</summary>
    Invalid = 0,

    /// <summary>DAD still running (IFA_F_TENTATIVE).</summary>
    Tentative = 1,

    /// <summary>DAD found a duplicate.</summary>
    Duplicate = 2,

    /// <summary>Usable but no longer preferred (IFA_F_DEPRECATED, preferred lifetime 0).</summary>
    Deprecated = 3,

    /// <summary>Usable and preferred.</summary>
    Preferred = 4,
}
