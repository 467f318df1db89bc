namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// One row of the bad-input matrix: a public NetIo function, a bad input, the status docs/errors.md
/// documents for it, whether the function writes to the kernel (then the namespace must be unchanged
/// after the refusal), and the call. Functions that return no status (if_nametoindex, the Initialize
/// functions, the Watch streams) turn their documented failure into the status it carries
/// (LastErrorDetail, NetIoException.Status) or check their documented effect and return Success.
/// </summary>
public sealed record BadInputCase(string Function, string Name, NetIoStatus Expected, bool Writes, Func<BadInputLab, NetIoStatus> Call)
{
    /// <summary>The row's name in the test list: "Function: case".</summary>
    public string Id => $"{Function}: {Name}";
}
