namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public BackendResult LookupInterface(uint interfaceIndex, out InterfaceIdentity identity)
    {
        identity = default;
        if (!IsAvailable(nameof(IpHlpApi.ConvertInterfaceIndexToLuid), out var missing)) return missing;
        var error = IpHlpApi.ConvertInterfaceIndexToLuid(interfaceIndex, out var luid);
        return error == 0 ? Identify(luid, interfaceIndex, alias: null, out identity) : Unknown(error, nameof(IpHlpApi.ConvertInterfaceIndexToLuid));
    }

    /// <summary>
    /// The interface with this LUID, asked of iphlpapi (ConvertInterfaceLuidToIndex): on Windows NetLuidIndex
    /// is a per-type counter, not the interface index, so the LUID is never taken apart.
    /// </summary>
    public BackendResult LookupInterface(in NetLuid luid, out InterfaceIdentity identity)
    {
        identity = default;
        if (!IsAvailable(nameof(IpHlpApi.ConvertInterfaceLuidToIndex), out var missing)) return missing;
        return Identify(luid, index: null, alias: null, out identity);
    }

    public BackendResult LookupInterface(string alias, out InterfaceIdentity identity)
    {
        identity = default;
        if (!IsAvailable(nameof(IpHlpApi.ConvertInterfaceAliasToLuid), out var missing)) return missing;
        var error = IpHlpApi.ConvertInterfaceAliasToLuid(alias, out var luid);
        return error == 0 ? Identify(luid, index: null, alias, out identity) : Unknown(error, nameof(IpHlpApi.ConvertInterfaceAliasToLuid));
    }

    public BackendResult LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity)
    {
        identity = default;
        if (!IsAvailable(nameof(IpHlpApi.ConvertInterfaceGuidToLuid), out var missing)) return missing;
        var error = IpHlpApi.ConvertInterfaceGuidToLuid(interfaceGuid, out var luid);
        return error == 0 ? Identify(luid, index: null, alias: null, out identity) : Unknown(error, nameof(IpHlpApi.ConvertInterfaceGuidToLuid));
    }

    public unsafe BackendResult GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row)
    {
        if (!IsAvailable(nameof(IpHlpApi.GetIfEntry2Ex), out var missing)) return missing;
        var filled = new MibIfRow2 { InterfaceIndex = interfaceIndex };
        var level = withStatistics ? MibIfEntryLevel.MibIfEntryNormal : MibIfEntryLevel.MibIfEntryNormalWithoutStatistics;
        var error = IpHlpApi.GetIfEntry2Ex(level, &filled);
        if (error != 0) return Unknown(error, nameof(IpHlpApi.GetIfEntry2Ex));
        row = filled;
        return BackendResult.Success;
    }

    public BackendResult GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetIfTable2Ex), out var missing)) return missing;
        var level = withStatistics ? MibIfTableLevel.MibIfTableNormal : MibIfTableLevel.MibIfTableNormalWithoutStatistics;
        return ReadTable(IpHlpApi.GetIfTable2Ex(level, out var native), native, nameof(IpHlpApi.GetIfTable2Ex), out table);
    }

    public BackendResult GetIfStackTable(out MibTable<MibIfStackRow>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetIfStackTable), out var missing)) return missing;
        return ReadTable(IpHlpApi.GetIfStackTable(out var native), native, nameof(IpHlpApi.GetIfStackTable), out table, StackTableRowOffset);
    }

    /// <summary>Completes an identity from the LUID: the index (unless known), the alias (unless known) and the GUID.</summary>
    private static unsafe BackendResult Identify(NetLuid luid, uint? index, string? alias, out InterfaceIdentity identity)
    {
        identity = default;
        uint error;
        if (index is not { } knownIndex)
        {
            error = IpHlpApi.ConvertInterfaceLuidToIndex(luid, out knownIndex);
            if (error != 0) return Unknown(error, nameof(IpHlpApi.ConvertInterfaceLuidToIndex));
        }
        if (alias is null)
        {
            var buffer = stackalloc char[NetIo.IF_NAMESIZE];
            error = IpHlpApi.ConvertInterfaceLuidToAlias(luid, buffer, NetIo.IF_NAMESIZE);
            if (error != 0) return Unknown(error, nameof(IpHlpApi.ConvertInterfaceLuidToAlias));
            alias = new string(buffer);
        }
        error = IpHlpApi.ConvertInterfaceLuidToGuid(luid, out var guid);
        if (error != 0) return Unknown(error, nameof(IpHlpApi.ConvertInterfaceLuidToGuid));
        identity = new InterfaceIdentity(knownIndex, luid, alias, guid);
        return BackendResult.Success;
    }

    /// <summary>
    /// FileNotFound (NetIo words it for the caller's argument) for the errors that mean "no such interface"
    /// (the conversion functions answer InvalidParameter or NotFound for some unknown identifiers), else the error.
    /// </summary>
    private static BackendResult Unknown(uint error, string function) => (NetIoStatus)error switch
    {
        NetIoStatus.FileNotFound or NetIoStatus.NotFound or NetIoStatus.InvalidParameter =>
            BackendResult.Fail(NetIoStatus.FileNotFound, $"{function} returned {Describe(error)}: no such interface"),
        _ => Check(error, function),
    };
}
