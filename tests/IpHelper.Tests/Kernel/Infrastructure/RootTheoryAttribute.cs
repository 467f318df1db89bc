using System.Runtime.CompilerServices;
using Xunit;

namespace IpHelper.Tests.Kernel.Infrastructure;

/// <summary>A theory that is skipped unless the tests run as root (kernel tests create network namespaces).</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks a test method; the compiler supplies the source location.</summary>
    public RootTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!Root.IsRoot) Skip = Root.SkipReason;
    }
}
