using System.Diagnostics;

namespace IpHelper;

/// <summary>
/// What a backend operation returns: success, or a failure with its detail (status, errno, kernel text,
/// argument). A backend never writes the caller's last error: <see cref="NetIo"/> records the detail it
/// is handed, so one place owns <see cref="NetIo.LastErrorDetail"/> and a fake backend can be checked
/// against it. Compares with a <see cref="NetIoStatus"/> by its status, so the early returns inside a
/// backend read <c>if (result != NetIoStatus.Success) return result;</c> and carry the detail along.
/// There is no conversion to or from a bare status: a failure without a reason does not type-check.
/// </summary>
internal readonly struct BackendResult : IEquatable<BackendResult>
{
    private BackendResult(NetIoErrorDetail error) => Error = error;

    /// <summary>Success: no detail.</summary>
    public static BackendResult Success => default;

    /// <summary>The failure's detail, or null for success.</summary>
    public NetIoErrorDetail? Error { get; }

    /// <summary>The status of the failure, or Success.</summary>
    public NetIoStatus Status => Error?.Status ?? NetIoStatus.Success;

    /// <summary>A failure with its reason (<paramref name="status"/> must not be Success).</summary>
    public static BackendResult Fail(NetIoStatus status, string message, string? argument = null, int errno = 0, string? kernelMessage = null)
    {
        Debug.Assert(status != NetIoStatus.Success, "a failure needs a failing status");
        return new(new NetIoErrorDetail(status, errno, kernelMessage, argument, message));
    }

    /// <summary>A failure whose detail was made elsewhere (a batch row's outcome, a stored end status).</summary>
    public static BackendResult Fail(NetIoErrorDetail error) => new(error);

    public static bool operator ==(BackendResult result, NetIoStatus status) => result.Status == status;

    public static bool operator !=(BackendResult result, NetIoStatus status) => result.Status != status;

    public bool Equals(BackendResult other) => Equals(Error, other.Error);

    public override bool Equals(object? obj) => obj is BackendResult other && Equals(other);

    public override int GetHashCode() => Error?.GetHashCode() ?? 0;

    public override string ToString() => Error?.ToString() ?? nameof(NetIoStatus.Success);
}
