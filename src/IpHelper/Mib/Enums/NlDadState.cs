namespace IpHelper;

/// <summary>NL_DAD_STATE: the duplicate address detection state of a unicast address.</summary>
public enum NlDadState
{
    /// <summary>DAD failed or the address is invalid.</summary>
    IpDadStateInvalid = 0,
    /// <summary>DAD is in progress; the address is not yet usable.</summary>
    IpDadStateTentative = 1,
    /// <summary>Another node uses the address.</summary>
    IpDadStateDuplicate = 2,
    /// <summary>Valid but deprecated: its preferred lifetime has run out, so it is not chosen as a source for new connections.</summary>
    IpDadStateDeprecated = 3,
    /// <summary>Valid and preferred: usable without restriction.</summary>
    IpDadStatePreferred = 4,
}
