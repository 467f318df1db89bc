using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Cli;

/// <summary>
/// An address on the command line: IPv4, or IPv6 with an optional scope after '%', given as a number
/// (fe80::1%2) or, as ip and ping take it, as an interface name (fe80::1%eth0), which is looked up in
/// the namespace the command acts in.
/// </summary>
internal static class AddressArgument
{
    public static bool TryParse(string? text, out SockAddrInet address)
    {
        address = default;
        if (text is null) return false;
        if (SockAddrInet.TryParse(text, out address)) return true;
        var percent = text.LastIndexOf('%');
        if (percent <= 0 || !SockAddrInet.TryParse(text[..percent], out var bare) || bare.Family != AddressFamily.InterNetworkV6) return false;
        if (NetIo.ConvertInterfaceAliasToLuid(text[(percent + 1)..], out var luid) != NetIoStatus.Success
            || NetIo.ConvertInterfaceLuidToIndex(luid, out var index) != NetIoStatus.Success)
            return false;
        return SockAddrInet.TryParse(string.Create(CultureInfo.InvariantCulture, $"{text[..percent]}%{index}"), out address);
    }
}
