namespace IpHelper;

/// <summary>The identifiers of one interface: index, LUID, alias (the OS name) and GUID.</summary>
internal readonly record struct InterfaceIdentity(uint Index, NetLuid Luid, string Alias, Guid Guid);
