namespace IpHelper;

/// <summary>
/// The IP Helper (netioapi) functions, with the Windows names, arguments and status codes,
/// implemented on Linux with rtnetlink, /proc and sysctl. Use <c>using static IpHelper.NetIo;</c>
/// to call them as Windows code does. Calls made inside a <see cref="NetNamespace.Enter(string)"/>
/// scope act on that network namespace.
/// </summary>
public static partial class NetIo
{
    private static readonly AsyncLocal<NetIoErrorDetail?> s_lastError = new();

    /// <summary>
    /// Why the most recent failing call on this thread or async flow failed (status, errno, kernel
    /// extended-ack text, rejected argument), or null if the most recent call succeeded.
    /// </summary>
    public static NetIoErrorDetail? LastErrorDetail => s_lastError.Value;

    // The only writers of the last error. A backend returns its failure (BackendResult) and the public layer
    // records what it is handed: Fail (NetIo's own validation) is private; Record is internal for public
    // types that hand out backend results later (a row stream); Ok for the tests that clear the last error.

    internal static NetIoStatus Ok()
    {
        s_lastError.Value = null;
        return NetIoStatus.Success;
    }

    private static NetIoStatus Fail(NetIoStatus status, string message, string? argument = null, int errno = 0, string? kernelMessage = null)
    {
        s_lastError.Value = new NetIoErrorDetail(status, errno, kernelMessage, argument, message);
        return status;
    }

    private static NetIoStatus Fail(NetIoErrorDetail detail)
    {
        s_lastError.Value = detail;
        return detail.Status;
    }

    /// <summary>Records what a backend returned (its detail, or none for success) and returns its status.</summary>
    internal static NetIoStatus Record(BackendResult result)
    {
        s_lastError.Value = result.Error;
        return result.Status;
    }
}
