namespace IpHelper;

/// <summary>
/// Why the last IP Helper call on this thread or async flow failed: the Windows status, the Linux
/// errno behind it (0 when the failure was found before the kernel was asked), the kernel's
/// extended-ack message when it sent one, and the argument that was rejected.
/// </summary>
/// <param name="Status">The status the function returned.</param>
/// <param name="Errno">The positive Linux errno, or 0.</param>
/// <param name="KernelMessage">The NLMSGERR_ATTR_MSG text of the kernel's extended ack, if any.</param>
/// <param name="Argument">The name of the rejected argument or field, if the failure is about one.</param>
/// <param name="Message">A sentence that explains the failure to a person.</param>
public sealed record NetIoErrorDetail(NetIoStatus Status, int Errno, string? KernelMessage, string? Argument, string Message)
{
    /// <summary>The symbolic name of <see cref="Errno"/> (for example <c>EEXIST</c>), or null when there is none.</summary>
    public string? ErrnoName => Errno == 0 ? null : ErrnoNames.Name(Errno);

    /// <summary>One line: status name and code, then the message, errno and kernel text.</summary>
    public override string ToString()
    {
        var text = $"{Status} ({(uint)Status}): {Message}";
        if (Errno != 0) text += $" [{ErrnoName}]";
        if (!string.IsNullOrEmpty(KernelMessage)) text += $" kernel: {KernelMessage}";
        return text;
    }
}
