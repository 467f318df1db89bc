namespace IpHelper;

/// <summary>SCOPE_LEVEL: the scope of an address zone; <see cref="MibIpInterfaceRow.ZoneIndices"/> is indexed by it.</summary>
public enum ScopeLevel
{
    /// <summary>ScopeLevelInterface: interface-local scope.</summary>
    ScopeLevelInterface = 1,
    /// <summary>ScopeLevelLink: link-local scope (on Linux the zone is the interface index).</summary>
    ScopeLevelLink = 2,
    /// <summary>ScopeLevelSubnet: subnet scope.</summary>
    ScopeLevelSubnet = 3,
    /// <summary>ScopeLevelAdmin: admin-local scope.</summary>
    ScopeLevelAdmin = 4,
    /// <summary>ScopeLevelSite: site-local scope.</summary>
    ScopeLevelSite = 5,
    /// <summary>ScopeLevelOrganization: organization-local scope.</summary>
    ScopeLevelOrganization = 8,
    /// <summary>ScopeLevelGlobal: global scope.</summary>
    ScopeLevelGlobal = 14,
    /// <summary>ScopeLevelCount: the number of entries in a zone index array, not a level.</summary>
    ScopeLevelCount = 16,
}
