namespace IpHelper;

public static partial class NetIo
{
    private static readonly INetIoBackend s_backend = CreateBackend();

    /// <summary>
    /// The backend of the operating system the process runs on: iphlpapi.dll on Windows, rtnetlink on
    /// Linux. Elsewhere the type initializer throws PlatformNotSupportedException.
    /// </summary>
    private static INetIoBackend CreateBackend()
    {
        if (OperatingSystem.IsWindows()) return new Windows.WindowsBackend();
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("IpHelper runs on Linux (rtnetlink) and Windows (iphlpapi.dll).");
        return new Linux.LinuxBackend();
    }

    /// <summary>
    /// Finds the interface named by a LUID or, when the LUID is zero, by an index (Windows: a non-zero
    /// LUID wins). FileNotFound when neither names an existing interface.
    /// </summary>
    internal static NetIoStatus ResolveInterface(in NetLuid luid, uint index, out InterfaceIdentity identity, string argument = "InterfaceLuid")
    {
        if (!luid.IsUnspecified)
        {
            var status = s_backend.LookupInterface(luid.NetLuidIndex, out identity);
            if (status == NetIoStatus.Success && identity.Luid == luid) return NetIoStatus.Success;
            identity = default;
            return status is NetIoStatus.Success or NetIoStatus.FileNotFound
                ? Fail(NetIoStatus.FileNotFound, $"no interface has LUID {luid.Value}", argument)
                : status;
        }
        var byIndex = s_backend.LookupInterface(index, out identity);
        return byIndex == NetIoStatus.FileNotFound
            ? Fail(NetIoStatus.FileNotFound, $"no interface has index {index}", "InterfaceIndex")
            : byIndex;
    }
}
