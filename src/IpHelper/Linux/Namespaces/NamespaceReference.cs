namespace IpHelper.Linux.Namespaces;

/// <summary>One reference to a <see cref="NamespaceContext"/>, given back once when disposed (a scope's).</summary>
internal sealed class NamespaceReference(NamespaceContext context) : INetIoContext
{
    private int _released;

    public INetIoBackend Backend => context.Backend;

    public ulong Inode => context.Inode;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) context.Release();
    }
}
