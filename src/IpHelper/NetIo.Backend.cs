namespace IpHelper;

public static partial class NetIo
{
    /// <summary>The backend of the process's own namespace (compartment), chosen at start-up.</summary>
    private static readonly INetIoBackend s_default = CreateBackend();

    /// <summary>
    /// The backend of the operating system the process runs on: iphlpapi.dll on Windows, rtnetlink on
    /// Linux (bound to the process's own network namespace). Elsewhere the type initializer throws
    /// PlatformNotSupportedException.
    /// </summary>
    private static INetIoBackend CreateBackend()
    {
        if (OperatingSystem.IsWindows()) return PlatformBackend.CreateWindows();
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("IpHelper runs on Linux (rtnetlink) and Windows (iphlpapi.dll).");
        return PlatformBackend.CreateLinux();
    }

    /// <summary>The backend of the process's own namespace, which also opens the others (<see cref="NetNamespace"/>).</summary>
    internal static INetIoBackend DefaultBackend => s_default;

    /// <summary>
    /// The backend bound to the namespace the caller's scope names (<see cref="NetNamespace.Enter(string)"/>),
    /// or to the process's own namespace outside any scope. This is the one place that reads the ambient
    /// scope: everything below is handed the backend of its namespace.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The caller's scope was disposed (by another flow).</exception>
    internal static INetIoBackend Backend => NetNamespace.Current is { } scope ? scope.Backend : s_default;

    /// <summary>
    /// Finds the interface named by a LUID or, when the LUID is zero, by an index (Windows: a non-zero
    /// LUID wins). FileNotFound when neither names an existing interface.
    /// </summary>
    internal static NetIoStatus ResolveInterface(in NetLuid luid, uint index, out InterfaceIdentity identity, string argument = "InterfaceLuid")
    {
        var backend = Backend;
        if (!luid.IsUnspecified)
        {
            var status = Record(backend.LookupInterface(luid, out identity));
            return status == NetIoStatus.FileNotFound
                ? Fail(NetIoStatus.FileNotFound, $"no interface has LUID {luid.Value}", argument)
                : status;
        }
        var byIndex = Record(backend.LookupInterface(index, out identity));
        return byIndex == NetIoStatus.FileNotFound
            ? Fail(NetIoStatus.FileNotFound, $"no interface has index {index}", "InterfaceIndex")
            : byIndex;
    }
}
