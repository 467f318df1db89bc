using System.Globalization;

namespace IpHelper.Cli;

/// <summary>
/// Resolves the &lt;if&gt; argument of every command: an interface name (alias), a Windows-style name
/// ("ethernet_3"), an index, a LUID value, or a GUID.
/// </summary>
internal static class InterfaceArgument
{
    public static NetLuid Resolve(string text)
    {
        if (NetIo.ConvertInterfaceAliasToLuid(text, out var luid) == NetIoStatus.Success) return luid;
        if (NetIo.ConvertInterfaceNameToLuidW(text, out luid) == NetIoStatus.Success) return luid;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number <= uint.MaxValue && NetIo.ConvertInterfaceIndexToLuid((uint)number, out luid) == NetIoStatus.Success) return luid;
            var asLuid = new NetLuid(number);
            if (NetIo.ConvertInterfaceLuidToIndex(asLuid, out _) == NetIoStatus.Success) return asLuid;
        }
        if (Guid.TryParse(text, out var guid) && NetIo.ConvertInterfaceGuidToLuid(guid, out luid) == NetIoStatus.Success) return luid;
        throw new NetIoException(new NetIoErrorDetail(NetIoStatus.FileNotFound, 0, null, "interface",
            $"no interface is named, numbered or identified by '{text}'"));
    }
}
