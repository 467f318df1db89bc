namespace IpHelper;

public static partial class NetIo
{
    /// <summary>IF_MAX_STRING_SIZE: the longest alias, description or interface name, without its NUL.</summary>
    public const int IF_MAX_STRING_SIZE = 256;

    /// <summary>IF_NAMESIZE: the buffer size if_indextoname expects (NDIS_IF_MAX_STRING_SIZE + 1).</summary>
    public const int IF_NAMESIZE = IF_MAX_STRING_SIZE + 1;

    /// <summary>
    /// Converts an interface index (the Linux ifindex) to its LUID. FileNotFound, with the LUID zeroed,
    /// when no interface has that index (index 0 included); NotSupported when the ifindex is above
    /// 2^24-1 and so has no NET_LUID.
    /// </summary>
    public static NetIoStatus ConvertInterfaceIndexToLuid(uint interfaceIndex, out NetLuid interfaceLuid)
    {
        interfaceLuid = default;
        var status = Record(Backend.LookupInterface(interfaceIndex, out var identity));
        if (status == NetIoStatus.FileNotFound) return Fail(status, $"no interface has index {interfaceIndex}", "InterfaceIndex");
        if (status != NetIoStatus.Success) return status;
        if (identity.Luid.IsUnspecified) return NoLuid(identity);
        interfaceLuid = identity.Luid;
        return Ok();
    }

    /// <summary>Converts a LUID to the interface index. FileNotFound, with the index set to 0, for an unknown LUID.</summary>
    public static NetIoStatus ConvertInterfaceLuidToIndex(in NetLuid interfaceLuid, out uint interfaceIndex)
    {
        interfaceIndex = 0;
        var status = ResolveInterface(interfaceLuid, 0, out var identity);
        if (status != NetIoStatus.Success) return status;
        interfaceIndex = identity.Index;
        return Ok();
    }

    /// <summary>
    /// Converts a LUID to the interface GUID (on Linux a name-based UUID of the interface name, see
    /// docs/mapping.md). FileNotFound, with the GUID zeroed, for an unknown LUID.
    /// </summary>
    public static NetIoStatus ConvertInterfaceLuidToGuid(in NetLuid interfaceLuid, out Guid interfaceGuid)
    {
        interfaceGuid = Guid.Empty;
        var status = ResolveInterface(interfaceLuid, 0, out var identity);
        if (status != NetIoStatus.Success) return status;
        interfaceGuid = identity.Guid;
        return Ok();
    }

    /// <summary>Converts an interface GUID to its LUID. FileNotFound, with the LUID zeroed, when no interface has that GUID.</summary>
    public static NetIoStatus ConvertInterfaceGuidToLuid(in Guid interfaceGuid, out NetLuid interfaceLuid)
    {
        interfaceLuid = default;
        var status = Record(Backend.LookupInterface(interfaceGuid, out var identity));
        if (status == NetIoStatus.FileNotFound) return Fail(status, $"no interface has GUID {interfaceGuid:B}", "InterfaceGuid");
        if (status != NetIoStatus.Success) return status;
        interfaceLuid = identity.Luid;
        return Ok();
    }

    /// <summary>
    /// Converts an interface alias (on Linux the interface name, e.g. "eth0") to its LUID.
    /// InvalidParameter, with the LUID zeroed, for a null, empty or unknown alias (as Windows documents).
    /// </summary>
    public static NetIoStatus ConvertInterfaceAliasToLuid(string? interfaceAlias, out NetLuid interfaceLuid)
    {
        interfaceLuid = default;
        if (string.IsNullOrEmpty(interfaceAlias)) return Fail(NetIoStatus.InvalidParameter, "the alias is null or empty", "InterfaceAlias");
        var status = Record(Backend.LookupInterface(interfaceAlias, out var identity));
        if (status == NetIoStatus.FileNotFound) return Fail(NetIoStatus.InvalidParameter, $"no interface has the alias '{interfaceAlias}'", "InterfaceAlias");
        if (status != NetIoStatus.Success) return status;
        interfaceLuid = identity.Luid;
        return Ok();
    }

    /// <summary>
    /// Writes the interface alias (the Linux interface name) and a terminating NUL into
    /// <paramref name="interfaceAlias"/>. InvalidParameter for an unknown LUID; NotEnoughMemory when
    /// the buffer cannot hold the alias and its NUL.
    /// </summary>
    public static NetIoStatus ConvertInterfaceLuidToAlias(in NetLuid interfaceLuid, Span<char> interfaceAlias)
    {
        var status = LookupLuid(interfaceLuid, NetIoStatus.InvalidParameter, out var identity);
        if (status != NetIoStatus.Success) return status;
        return CopyName(identity.Alias, interfaceAlias, "InterfaceAlias");
    }

    /// <summary>The interface alias (the Linux interface name) of a LUID; InvalidParameter for an unknown LUID.</summary>
    public static NetIoStatus ConvertInterfaceLuidToAlias(in NetLuid interfaceLuid, out string? interfaceAlias)
    {
        interfaceAlias = null;
        var status = LookupLuid(interfaceLuid, NetIoStatus.InvalidParameter, out var identity);
        if (status != NetIoStatus.Success) return status;
        interfaceAlias = identity.Alias;
        return Ok();
    }

    /// <summary>
    /// Writes the Windows-style interface name of a LUID ("ethernet_7", "loopback_1": ifType prefix and
    /// NetLuidIndex) and a NUL into <paramref name="interfaceName"/>. FileNotFound for an unknown LUID;
    /// NotEnoughMemory when the buffer is empty or too small (an empty span stands for Windows' NULL/0 buffer).
    /// </summary>
    public static NetIoStatus ConvertInterfaceLuidToNameW(in NetLuid interfaceLuid, Span<char> interfaceName)
    {
        if (interfaceName.IsEmpty) return Fail(NetIoStatus.NotEnoughMemory, "the name buffer is empty", "InterfaceName");
        var status = LookupLuid(interfaceLuid, NetIoStatus.FileNotFound, out _);
        if (status != NetIoStatus.Success) return status;
        return CopyName(WindowsInterfaceName.Format(interfaceLuid), interfaceName, "InterfaceName");
    }

    /// <summary>
    /// The ANSI form of <see cref="ConvertInterfaceLuidToNameW(in NetLuid, Span{char})"/>: the name as
    /// ASCII bytes and a NUL. NotEnoughMemory for an empty or too small buffer; FileNotFound for an unknown LUID.
    /// </summary>
    public static NetIoStatus ConvertInterfaceLuidToNameA(in NetLuid interfaceLuid, Span<byte> interfaceName)
    {
        if (interfaceName.IsEmpty) return Fail(NetIoStatus.NotEnoughMemory, "the name buffer is empty", "InterfaceName");
        var status = LookupLuid(interfaceLuid, NetIoStatus.FileNotFound, out _);
        if (status != NetIoStatus.Success) return status;
        var name = WindowsInterfaceName.Format(interfaceLuid);
        if (name.Length + 1 > interfaceName.Length)
            return Fail(NetIoStatus.NotEnoughMemory, $"the name needs {name.Length + 1} bytes, the buffer has {interfaceName.Length}", "InterfaceName");
        for (var i = 0; i < name.Length; i++) interfaceName[i] = (byte)name[i];
        interfaceName[name.Length] = 0;
        return Ok();
    }

    /// <summary>
    /// Converts an interface name to its LUID: the Windows-style name ("ethernet_7"), and, as a Linux
    /// convenience, the Linux interface name ("eth0"). InvalidName, with the LUID zeroed, for a null,
    /// empty or unknown name.
    /// </summary>
    public static NetIoStatus ConvertInterfaceNameToLuidW(string? interfaceName, out NetLuid interfaceLuid) =>
        NameToLuid(interfaceName, out interfaceLuid);

    /// <summary>
    /// The ANSI twin of <see cref="ConvertInterfaceNameToLuidW"/>, with the same results. (Windows leaves
    /// the LUID untouched for a NULL name here; a C# out parameter is always written, so it is zeroed.)
    /// </summary>
    public static NetIoStatus ConvertInterfaceNameToLuidA(string? interfaceName, out NetLuid interfaceLuid) =>
        NameToLuid(interfaceName, out interfaceLuid);

    /// <summary>
    /// The index of an interface name (Windows-style "ethernet_7", or the Linux name "eth0"); 0 when
    /// the name is null, empty, a GUID string or unknown.
    /// </summary>
    public static uint if_nametoindex(string? interfaceName) =>
        NameToLuid(interfaceName, out var luid) == NetIoStatus.Success ? luid.NetLuidIndex : 0;

    /// <summary>The Windows-style name of an interface index ("ethernet_7"), or null when no interface has that index.</summary>
    public static string? if_indextoname(uint interfaceIndex)
    {
        if (Record(Backend.LookupInterface(interfaceIndex, out var identity)) != NetIoStatus.Success)
        {
            Fail(NetIoStatus.FileNotFound, $"no interface has index {interfaceIndex}", "InterfaceIndex");
            return null;
        }
        if (identity.Luid.IsUnspecified)
        {
            NoLuid(identity);
            return null;
        }
        Ok();
        return WindowsInterfaceName.Format(identity.Luid);
    }

    /// <summary>NetLuidIndex has 24 bits: an interface with a larger ifindex has no LUID and no Windows-style name.</summary>
    private static NetIoStatus NoLuid(in InterfaceIdentity identity) =>
        Fail(NetIoStatus.NotSupported, $"interface {identity.Alias} has ifindex {identity.Index}, above the 24 bits of NET_LUID's NetLuidIndex", "InterfaceIndex");

    private static NetIoStatus NameToLuid(string? interfaceName, out NetLuid interfaceLuid)
    {
        interfaceLuid = default;
        if (string.IsNullOrEmpty(interfaceName)) return Fail(NetIoStatus.InvalidName, "the interface name is null or empty", "InterfaceName");
        if (WindowsInterfaceName.TryParse(interfaceName, out var parsed)
            && Record(Backend.LookupInterface(parsed, out _)) == NetIoStatus.Success)
        {
            interfaceLuid = parsed;
            return Ok();
        }
        var status = Record(Backend.LookupInterface(interfaceName, out var byAlias));
        if (status == NetIoStatus.Success)
        {
            interfaceLuid = byAlias.Luid;
            return Ok();
        }
        return status == NetIoStatus.FileNotFound
            ? Fail(NetIoStatus.InvalidName, $"no interface is named '{interfaceName}'", "InterfaceName")
            : status;
    }

    private static NetIoStatus LookupLuid(in NetLuid luid, NetIoStatus whenUnknown, out InterfaceIdentity identity)
    {
        var status = ResolveInterface(luid, 0, out identity);
        return status == NetIoStatus.FileNotFound && whenUnknown != NetIoStatus.FileNotFound
            ? Fail(whenUnknown, $"no interface has LUID {luid.Value}", "InterfaceLuid")
            : status;
    }

    private static NetIoStatus CopyName(string name, Span<char> destination, string argument)
    {
        if (name.Length + 1 > destination.Length)
            return Fail(NetIoStatus.NotEnoughMemory, $"the name needs {name.Length + 1} characters, the buffer has {destination.Length}", argument);
        name.CopyTo(destination);
        destination[name.Length] = '\0';
        return Ok();
    }
}
