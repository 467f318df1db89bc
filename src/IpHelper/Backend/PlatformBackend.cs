namespace IpHelper;

/// <summary>
/// Makes the backend of the operating system. Each half lives with its backend
/// (<c>Linux/PlatformBackend.Linux.cs</c>, <c>Windows/PlatformBackend.Windows.cs</c>), so nothing outside
/// those folders names a Linux or Windows type; NetIo picks one at start-up.
/// </summary>
internal static partial class PlatformBackend
{
    /// <summary>The Linux backend bound to the process's own network namespace.</summary>
    public static partial INetIoBackend CreateLinux();

    /// <summary>The Windows backend over iphlpapi.dll.</summary>
    public static partial INetIoBackend CreateWindows();
}
