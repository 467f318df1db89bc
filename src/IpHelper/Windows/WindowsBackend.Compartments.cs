namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    /// <summary>
    /// The network compartment of the calling thread (GetCurrentThreadCompartmentId), Windows' counterpart
    /// of a network namespace; NotSupported when iphlpapi.dll does not export it.
    /// </summary>
    public static BackendResult GetCurrentThreadCompartmentId(out uint compartmentId)
    {
        compartmentId = 0;
        if (!IsAvailable(nameof(IpHlpApi.GetCurrentThreadCompartmentId), out var missing)) return missing;
        compartmentId = IpHlpApi.GetCurrentThreadCompartmentId();
        return BackendResult.Success;
    }

    /// <summary>
    /// Moves the calling thread into the compartment <paramref name="compartmentId"/>
    /// (SetCurrentThreadCompartmentId); every later iphlpapi call of the thread acts on it.
    /// </summary>
    public static BackendResult SetCurrentThreadCompartmentId(uint compartmentId)
    {
        if (!IsAvailable(nameof(IpHlpApi.SetCurrentThreadCompartmentId), out var missing)) return missing;
        return Check(IpHlpApi.SetCurrentThreadCompartmentId(compartmentId), nameof(IpHlpApi.SetCurrentThreadCompartmentId));
    }
}
