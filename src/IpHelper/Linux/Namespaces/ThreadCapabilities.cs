namespace IpHelper.Linux.Namespaces;

/// <summary>
/// The capability sets of the calling thread. Linux keeps capabilities per thread, and the kernel checks
/// those of the thread that makes a request: a namespace worker runs each work item with the effective
/// capabilities of the thread that posted it (never more), so the work is allowed exactly what that
/// caller would be allowed on its own thread.
/// </summary>
internal readonly record struct ThreadCapabilities(ulong Effective, ulong Permitted, ulong Inheritable)
{
    /// <summary>The calling thread's sets, or null when capget fails.</summary>
    public static unsafe ThreadCapabilities? OfCallingThread()
    {
        var header = new Interop.CapHeader { Version = Interop.LINUX_CAPABILITY_VERSION_3 };
        var data = stackalloc Interop.CapData[2];
        if (Interop.capget(&header, data) != 0) return null;
        return new ThreadCapabilities(
            data[0].Effective | (ulong)data[1].Effective << 32,
            data[0].Permitted | (ulong)data[1].Permitted << 32,
            data[0].Inheritable | (ulong)data[1].Inheritable << 32);
    }

    /// <summary>Sets the calling thread's effective set (within its permitted set); false when the kernel refuses.</summary>
    public static unsafe bool SetEffective(ThreadCapabilities current, ulong effective)
    {
        var header = new Interop.CapHeader { Version = Interop.LINUX_CAPABILITY_VERSION_3 };
        var data = stackalloc Interop.CapData[2];
        data[0] = new Interop.CapData { Effective = (uint)effective, Permitted = (uint)current.Permitted, Inheritable = (uint)current.Inheritable };
        data[1] = new Interop.CapData { Effective = (uint)(effective >> 32), Permitted = (uint)(current.Permitted >> 32), Inheritable = (uint)(current.Inheritable >> 32) };
        return Interop.capset(&header, data) == 0;
    }
}
