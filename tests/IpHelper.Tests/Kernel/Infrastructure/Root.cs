using System.Runtime.InteropServices;

namespace IpHelper.Tests.Kernel.Infrastructure;

/// <summary>Whether the tests run with the privileges kernel tests need.</summary>
internal static partial class Root
{
    /// <summary>The skip reason of <see cref="RootFactAttribute"/> and <see cref="RootTheoryAttribute"/>.</summary>
    public const string SkipReason = "needs root (CAP_SYS_ADMIN to create network namespaces); runs in CI as root";

    /// <summary>True when the effective user is root.</summary>
    public static bool IsRoot { get; } = geteuid() == 0;

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
