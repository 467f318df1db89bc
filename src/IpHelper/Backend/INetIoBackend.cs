namespace IpHelper;

/// <summary>
/// What <see cref="NetIo"/> needs from an operating system. NetIo validates arguments and resolves
/// interfaces; the backend reads and writes the OS objects and maps them to MIB rows, and returns each
/// failure with its detail (<see cref="BackendResult"/>), which NetIo records as the caller's last error.
/// Implemented by the Linux backend (rtnetlink), the Windows backend (iphlpapi.dll) and, in the tests,
/// an in-memory fake; <see cref="PlatformBackend"/> makes the one a process uses.
/// </summary>
internal partial interface INetIoBackend
{
    /// <summary>The identity of the interface with this index, or FileNotFound.</summary>
    BackendResult LookupInterface(uint interfaceIndex, out InterfaceIdentity identity);

    /// <summary>
    /// The identity of the interface with this LUID (LUID and type both match), or FileNotFound. NetIo never
    /// takes a LUID apart: on Windows NetLuidIndex is a per-type counter, not the interface index.
    /// </summary>
    BackendResult LookupInterface(in NetLuid luid, out InterfaceIdentity identity);

    /// <summary>The identity of the interface with this OS name (alias), or FileNotFound.</summary>
    BackendResult LookupInterface(string alias, out InterfaceIdentity identity);

    /// <summary>The identity of the interface with this GUID, or FileNotFound.</summary>
    BackendResult LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity);

    /// <summary>Fills <paramref name="row"/> for the interface with this index, or returns FileNotFound.</summary>
    BackendResult GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row);

    /// <summary>Every interface, one row each.</summary>
    BackendResult GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table);

    /// <summary>Every (higher, lower) layering relation, with 0 for "none" at the top and bottom of each stack.</summary>
    BackendResult GetIfStackTable(out MibTable<MibIfStackRow>? table);
}
