using System.Net;
using System.Net.Sockets;

namespace IpHelper.Objects;

/// <summary>
/// Conversions between the Windows-shaped values of <see cref="NetIo"/> and the BCL types the objects of this
/// namespace use: address families, lifetimes, FILETIME stamps, socket addresses.
/// </summary>
public static class NetObjects
{
    /// <summary>The Windows value of an infinite lifetime (0xFFFFFFFF seconds).</summary>
    private const uint InfiniteSeconds = uint.MaxValue;

    /// <summary>
    /// The BCL family of a NetTCPIP family: <see cref="AddressFamily.InterNetwork"/> or
    /// <see cref="AddressFamily.InterNetworkV6"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="family"/> is neither IPv4 nor IPv6.</exception>
    public static AddressFamily ToSocketFamily(this IPAddressFamily family) => family switch
    {
        IPAddressFamily.IPv4 => AddressFamily.InterNetwork,
        IPAddressFamily.IPv6 => AddressFamily.InterNetworkV6,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "IPv4 or IPv6"),
    };

    /// <summary>The NetTCPIP family of a BCL family.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="family"/> is neither InterNetwork nor InterNetworkV6.</exception>
    public static IPAddressFamily ToIPAddressFamily(this AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => IPAddressFamily.IPv4,
        AddressFamily.InterNetworkV6 => IPAddressFamily.IPv6,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "InterNetwork or InterNetworkV6"),
    };

    /// <summary>
    /// A lifetime in Windows seconds as a <see cref="TimeSpan"/>: 0xFFFFFFFF (infinite) becomes
    /// <see cref="TimeSpan.MaxValue"/>, which is what PowerShell shows for an infinite lifetime on Windows.
    /// </summary>
    public static TimeSpan LifetimeFromSeconds(uint seconds) =>
        seconds == InfiniteSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);

    /// <summary>
    /// A lifetime as Windows seconds: <see cref="TimeSpan.MaxValue"/> (or anything from 0xFFFFFFFF seconds up) is
    /// infinite, 0xFFFFFFFF; fractions of a second are dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is negative.</exception>
    public static uint LifetimeToSeconds(TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.Zero);
        double seconds = Math.Floor(lifetime.TotalSeconds);
        return seconds >= InfiniteSeconds ? InfiniteSeconds : (uint)seconds;
    }

    /// <summary>A Windows FILETIME (100-ns intervals since 1601-01-01 UTC) as a UTC instant; null for 0 ("not known").</summary>
    public static DateTimeOffset? FromFileTime(long fileTime) =>
        fileTime <= 0 ? null : new DateTimeOffset(DateTime.FromFileTimeUtc(fileTime), TimeSpan.Zero);

    /// <summary>The address of a socket address, or null when it is neither IPv4 nor IPv6.</summary>
    internal static IPAddress? ToAddress(in SockAddrInet address) => address.ToIPAddress();

    /// <summary>The socket address of an IP address, keeping an IPv6 scope id.</summary>
    internal static SockAddrInet ToSockAddr(IPAddress address) => SockAddrInet.FromIPAddress(address);

    /// <summary>The unspecified address of a family (0.0.0.0 or ::), the next hop of an on-link route.</summary>
    internal static IPAddress Unspecified(AddressFamily family) =>
        family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;

    /// <summary>The family argument NetIo's table functions take: Unspecified for both.</summary>
    internal static AddressFamily ToTableFamily(IPAddressFamily? family) =>
        family is { } f ? f.ToSocketFamily() : AddressFamily.Unspecified;
}
