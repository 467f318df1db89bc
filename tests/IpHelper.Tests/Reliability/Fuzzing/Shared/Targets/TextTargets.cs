using System.Net;
using System.Net.Sockets;
using IpHelper.Linux.Proc;

namespace IpHelper.Tests.Reliability.Fuzzing.Targets;

/// <summary>
/// Text parsers. Besides never throwing, each checks what a parser owes its caller: a failed parse
/// leaves the default value, and whatever parsed prints back to text that parses to the same value.
/// </summary>
internal static class TextTargets
{
    private static readonly HashSet<ulong> s_socketInodes = [0, 1, 11111, 22222, 4026531840, ulong.MaxValue];

    /// <summary>Lines like those of /proc/net/udp, with a bound socket, an unbound one and a loopback one.</summary>
    public static readonly string[] ProcNetUdpSeeds =
    [
        "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n" +
        "  112: 00000000:0000 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 11111 2 0000000000000000 0\n" +
        "  113: 00000000:DD6C 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 22222 2 0000000000000000 0\n" +
        "  114: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 33333 2 0000000000000000 0\n",
        "   sl  local_address rem_address   st\n  0: 0100007F:0DD6 00000000:0000 07 00000000:00000000 00:00000000 00000000 65534 0 22222 2 0 0\n",
    ];

    public static void WindowsInterfaceName(string text)
    {
        if (!IpHelper.WindowsInterfaceName.TryParse(text, out var luid))
        {
            FuzzAssertionException.Check(luid.IsUnspecified, $"'{text}' failed but left LUID {luid.Value}");
            return;
        }
        FuzzAssertionException.Check(luid.Reserved == 0, $"'{text}' set reserved LUID bits");
        var canonical = IpHelper.WindowsInterfaceName.Format(luid);
        FuzzAssertionException.Check(IpHelper.WindowsInterfaceName.TryParse(canonical, out var again) && again == luid,
            $"'{text}' -> LUID {luid.Value} -> '{canonical}' does not parse back");
    }

    public static void SockAddr(string text)
    {
        if (!SockAddrInet.TryParse(text, out var address))
        {
            FuzzAssertionException.Check(address == default, $"'{text}' failed but left {address}");
            return;
        }
        FuzzAssertionException.Check(address.Port == 0 && address.Family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6, $"'{text}' parsed to family {address.Family}, port {address.Port}");
        var printed = address.ToString();
        FuzzAssertionException.Check(SockAddrInet.TryParse(printed, out var again) && again == address, $"'{text}' -> '{printed}' does not parse back");
        // The address part must mean what IPAddress (the platform's parser) says it means.
        var percent = text.IndexOf('%');
        var expected = IPAddress.Parse(percent < 0 ? text : text[..percent]);
        FuzzAssertionException.Check(expected.Equals(new IPAddress(AddressBytes(address))), $"'{text}' parsed to {printed}, IPAddress says {expected}");
    }

    public static void Prefix(string text)
    {
        if (!IpAddressPrefix.TryParse(text, out var prefix))
        {
            FuzzAssertionException.Check(prefix == default, $"'{text}' failed but left {prefix}");
            return;
        }
        var bits = prefix.Prefix.Family == AddressFamily.InterNetwork ? 32 : 128;
        FuzzAssertionException.Check(prefix.PrefixLength <= bits, $"'{text}' has prefix length {prefix.PrefixLength} for {bits}-bit addresses");
        var printed = prefix.ToString();
        FuzzAssertionException.Check(IpAddressPrefix.TryParse(printed, out var again) && again == prefix, $"'{text}' -> '{printed}' does not parse back");
        _ = prefix.HasHostBits;
        _ = prefix.ToIPNetwork();
    }

    public static void ProcNetUdp(string text)
    {
        var port = TeredoClient.FindBoundPort(text, s_socketInodes);
        FuzzAssertionException.Check(port != 0, "port 0 reported as bound");
    }

    private static byte[] AddressBytes(in SockAddrInet address)
    {
        var bytes = new byte[16];
        return bytes[..address.WriteAddressBytes(bytes)];
    }
}
