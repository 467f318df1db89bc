namespace IpHelper.Tests.Unit.Backend;

/// <summary>Makes a fake backend current the way NetNamespace.Enter makes a namespace current.</summary>
internal sealed class FakeScope(INetIoBackend backend) : INetIoContext
{
    public INetIoBackend Backend => backend;

    public ulong Inode => backend.NamespaceInode;

    public static NetNamespaceScope Enter(INetIoBackend backend)
    {
        var scope = new NetNamespaceScope(new FakeScope(backend), "fake");
        scope.MakeCurrent();
        return scope;
    }

    public void Dispose() { }
}
