namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public NetIoStatus LookupInterface(uint interfaceIndex, out InterfaceIdentity identity)
    {
        identity = default;
        if (!IsAvailable(nameof(IpHlpApi.ConvertInterfaceIndexToLuid), out var missing)) return missing;
        var error = IpHlpApi.ConvertInterfaceIndexToLuid(interfaceIndex, out var luid);
        return error == 0 ? Identify(luid, interfaceIndex, alias: null, out identity) : Unknown(error, nameof(IpHlpApi.ConvertInterfaceIndexToLuid));
    }

    public NetIoStatus LookupInterface(string alias, out InterfaceIdentity identity)
    {
        identity = default;
        if (!IsAvailable(nameof(IpHlpApi.ConvertInterfaceAliasToLuid), out var missing)) return missing;
        var error = IpHlpApi.ConvertInterfaceAliasToLuid(alias, out var luid);
        return error == 0 ? Identify(luid, index: null, alias, out identity) : Unknown(error, nameof(IpHlpApi.ConvertInterfaceAliasToLuid));
    }

    public NetIoStatus LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity)
    {
        identity = default;
        if (!IsAvailable(nameof(IpHlpApi.ConvertInterfaceGuidToLuid), out var missing)) return missing;
        var error = IpHlpApi.ConvertInterfaceGuidToLuid(interfaceGuid, out var luid);
        return error == 0 ? Identify(luid, index: null, alias: null, out identity) : Unknown(error, nameof(IpHlpApi.ConvertInterfaceGuidToLuid));
    }

    public unsafe NetIoStatus GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row)
    {
        if (!IsAvailable(nameof(IpHlpApi.GetIfEntry2Ex), out var missing)) return missing;
        var filled = new MibIfRow2 { InterfaceIndex = interfaceIndex };
        var level = withStatistics ? MibIfEntryLevel.MibIfEntryNormal : MibIfEntryLevel.MibIfEntryNormalWithoutStatistics;
        var error = IpHlpApi.GetIfEntry2Ex(level, &filled);
        if (error != 0) return Unknown(error, nameof(IpHlpApi.GetIfEntry2Ex));
        row = filled;
        return NetIoStatus.Success;
    }

    public NetIoStatus GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetIfTable2Ex), out var missing)) return missing;
        var level = withStatistics ? MibIfTableLevel.MibIfTableNormal : MibIfTableLevel.MibIfTableNormalWithoutStatistics;
        return ReadTable(IpHlpApi.GetIfTable2Ex(level, out var native), native, nameof(IpHlpApi.GetIfTable2Ex), out table);
    }

    public NetIoStatus GetIfStackTable(out MibTable<MibIfStackRow>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetIfStackTable), out var missing)) return missing;
        return ReadTable(IpHlpApi.GetIfStackTable(out var native), native, nameof(IpHlpApi.GetIfStackTable), out table, StackTableRowOffset);
    }

    /// <summary>Completes an identity from the LUID: the index (unless known), the alias (unless known) and the GUID.</summary>
    private static unsafe NetIoStatus Identify(NetLuid luid, uint? index, string? alias, out InterfaceIdentity identity)
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
        return NetIoStatus.Success;
    }

    /// <summary>
    /// FileNotFound (left for NetIo to explain) for the errors that mean "no such interface" (the
    /// conversion functions answer InvalidParameter or NotFound for some unknown identifiers), else the error.
    /// </summary>
    private static NetIoStatus Unknown(uint error, string function) => (NetIoStatus)error switch
    {
        NetIoStatus.FileNotFound or NetIoStatus.NotFound or NetIoStatus.InvalidParameter => NetIoStatus.FileNotFound,
        _ => Check(error, function),
    };
}
