namespace IpHelper.Objects;

/// <summary>
/// The AddressFamily of the NetTCPIP CIM classes (MSFT_NetRoute, MSFT_NetIPAddress, ...): the Windows values
/// 2 and 23, which PowerShell prints as IPv4 and IPv6. <see cref="NetObjects.ToSocketFamily"/> gives the BCL value.
/// </summary>
public enum IPAddressFamily : ushort
{
    /// <summary>IPv4 (AF_INET, 2).</summary>
    IPv4 = 2,

    /// <summary>IPv6 (Windows' AF_INET6 is 23; Linux's is 10: the library converts).</summary>
    IPv6 = 23,
}
