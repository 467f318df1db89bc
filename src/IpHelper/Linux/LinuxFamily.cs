using System.Net.Sockets;

namespace IpHelper.Linux;

/// <summary>
/// Linux address family numbers (AF_INET6 is 10 on Linux, 23 on Windows) and the conversion between
/// them and the Windows values that rows and arguments carry.
/// </summary>
internal static class LinuxFamily
{
    public const byte AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;

    /// <summary>The Linux family of a Windows family: InterNetwork, InterNetworkV6 or Unspecified.</summary>
    public static byte FromWindows(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => AF_INET,
        AddressFamily.InterNetworkV6 => AF_INET6,
        _ => AF_UNSPEC,
    };

    /// <summary>The address length of a Linux family: 4, 16, or 0 for any other family.</summary>
    public static int AddressLength(byte family) => family switch
    {
        AF_INET => 4,
        AF_INET6 => 16,
        _ => 0,
    };
}
