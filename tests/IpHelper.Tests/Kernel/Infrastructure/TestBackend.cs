using IpHelper.Linux;
using IpHelper.Linux.Namespaces;

namespace IpHelper.Tests.Kernel.Infrastructure;

/// <summary>The Linux backend and namespace context NetIo would use for a call made here (inside the current scope, if any).</summary>
internal static class TestBackend
{
    public static LinuxBackend Current => (LinuxBackend)NetIo.Backend;

    public static NamespaceContext Context => Current.Context;
}
