namespace IpHelper;

/// <summary>
/// One reference to a network namespace (a Windows compartment) held by a scope: the backend bound to
/// that namespace and the namespace's identity. The namespace's state lives as long as any reference to
/// it does; disposing gives this reference back (once).
/// </summary>
internal interface INetIoContext : IDisposable
{
    /// <summary>The backend that acts on this namespace, whatever thread calls it.</summary>
    INetIoBackend Backend { get; }

    /// <summary>The namespace's inode number (what <c>readlink /proc/PID/ns/net</c> shows as <c>net:[INODE]</c>).</summary>
    ulong Inode { get; }
}
