using System.Globalization;
using System.Net.NetworkInformation;

namespace IpHelper.PowerShell;

/// <summary>Values as the Windows cmdlets print them, for filters and views.</summary>
public static class NetObjectsText
{
    /// <summary>A link-layer address as Windows prints it: 00-15-5D-01-02-03 (empty when there is none).</summary>
    public static string Mac(PhysicalAddress? address) =>
        address is null ? "" : string.Join('-', address.GetAddressBytes().Select(static b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>A lifetime as Windows' views print it: "Infinite ([TimeSpan]::MaxValue)" or d.hh:mm:ss.</summary>
    public static string Lifetime(TimeSpan lifetime) =>
        lifetime == TimeSpan.MaxValue ? "Infinite ([TimeSpan]::MaxValue)" : lifetime.ToString("c", CultureInfo.InvariantCulture);
}
