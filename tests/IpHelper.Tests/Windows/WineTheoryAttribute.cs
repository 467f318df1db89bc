using System.Runtime.CompilerServices;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Windows;

/// <summary>
/// A theory that runs the win-x64 build under Wine in a test namespace: skipped unless root, and skipped
/// when Wine is missing, except in CI (CI=true), where .ci/install.d/wine.sh installs it and a missing
/// Wine is a failure.
/// </summary>
public sealed class WineTheoryAttribute : TheoryAttribute
{
    public WineTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!Root.IsRoot) Skip = Root.SkipReason;
        else if (!WineHost.IsInstalled && !WineHost.IsCi) Skip = $"Wine is not installed ({WineHost.Loader}); .ci/install.d/wine.sh installs it";
    }
}
