namespace IpHelper;

/// <summary>
/// What <see cref="NetIo"/> needs from an operating system. NetIo validates arguments and resolves
/// interfaces; the backend reads and writes the OS objects and maps them to MIB rows. The Linux
/// backend is the only one today; a Windows backend over iphlpapi implements the same interface.
/// </summary>
internal partial interface INetIoBackend
{
    /// <summary>The identity of the interface with this index, or FileNotFound.</summary>
    NetIoStatus LookupInterface(uint interfaceIndex, out InterfaceIdentity identity);

    /// <summary>The identity of the interface with this OS name (alias), or FileNotFound.</summary>
    NetIoStatus LookupInterface(string alias, out InterfaceIdentity identity);

    /// <summary>The identity of the interface with this GUID, or FileNotFound.</summary>
    NetIoStatus LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity);

    /// <summary>Fills <paramref name="row"/> for the interface with this index, or returns FileNotFound.</summary>
    NetIoStatus GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row);

    /// <summary>Every interface, one row each.</summary>
    NetIoStatus GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table);

    /// <summary>Every (higher, lower) layering relation, with 0 for "none" at the top and bottom of each stack.</summary>
    NetIoStatus GetIfStackTable(out MibTable<MibIfStackRow>? table);
}
