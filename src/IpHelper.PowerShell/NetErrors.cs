using System.Management.Automation;

namespace IpHelper.PowerShell;

/// <summary>
/// Turns failures into PowerShell errors: the NetIoStatus is the category's reason and the error id, the category is
/// the closest PowerShell one, and the details carry the kernel's own reason (errno, extended-ack text).
/// </summary>
internal static class NetErrors
{
    /// <summary>The error record of a failed IP Helper call on <paramref name="target"/>.</summary>
    public static ErrorRecord From(NetIoException exception, object? target)
    {
        var record = new ErrorRecord(exception, exception.Status.ToString(), Category(exception.Status), target)
        {
            ErrorDetails = new ErrorDetails(exception.Message),
        };
        record.CategoryInfo.Reason = exception.Status.ToString();
        return record;
    }

    /// <summary>An error of the cmdlet's own (bad argument, Windows-only value) with a message and a status.</summary>
    public static ErrorRecord Refused(NetIoStatus status, string message, object? target)
    {
        var record = new ErrorRecord(new NetIoException(new NetIoErrorDetail(status, 0, null, null, message)), status.ToString(), Category(status), target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
        record.CategoryInfo.Reason = status.ToString();
        return record;
    }

    /// <summary>What Windows' cmdletization reports when a query matched nothing.</summary>
    public static ErrorRecord NotFound(string className, string query) =>
        new(new ItemNotFoundException($"No matching {className} objects found by query: {query}."), "CmdletizationQuery_NotFound", ErrorCategory.ObjectNotFound, query)
        {
            ErrorDetails = new ErrorDetails($"No matching {className} objects found by query: {query}."),
        };

    /// <summary>The PowerShell category of a status.</summary>
    public static ErrorCategory Category(NetIoStatus status) => status switch
    {
        NetIoStatus.NotFound or NetIoStatus.FileNotFound or NetIoStatus.BadNetName => ErrorCategory.ObjectNotFound,
        NetIoStatus.ObjectAlreadyExists => ErrorCategory.ResourceExists,
        NetIoStatus.InvalidParameter or NetIoStatus.InvalidName or NetIoStatus.InvalidData => ErrorCategory.InvalidArgument,
        NetIoStatus.AccessDenied => ErrorCategory.PermissionDenied,
        NetIoStatus.NotSupported => ErrorCategory.NotImplemented,
        NetIoStatus.NetworkUnreachable or NetIoStatus.HostUnreachable => ErrorCategory.ConnectionError,
        NetIoStatus.Timeout => ErrorCategory.OperationTimeout,
        NetIoStatus.NotEnoughMemory => ErrorCategory.LimitsExceeded,
        NetIoStatus.OperationAborted => ErrorCategory.OperationStopped,
        _ => ErrorCategory.NotSpecified,
    };
}
