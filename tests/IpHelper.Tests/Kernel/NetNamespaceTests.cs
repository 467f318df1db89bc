using System.Net;
using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel;

public sealed class NetNamespaceTests
{
    private const string ThreadNamespace = "/proc/thread-self/ns/net";

    private static ulong ThreadInode() => TestNetns.LinkInode(ThreadNamespace);

    [Fact]
    public void Enter_UnknownName_ThrowsFileNotFound()
    {
        var e = Assert.Throws<NetIoException>(() => NetNamespace.Enter("iph-no-such-namespace"));

        Assert.Equal(NetIoStatus.FileNotFound, e.Status);
        Assert.Contains("iph-no-such-namespace", e.Message, StringComparison.Ordinal);
        Assert.Contains("/run/netns/iph-no-such-namespace", e.Message, StringComparison.Ordinal);
        Assert.Null(NetNamespace.Current);
    }

    [Fact]
    public void Enter_MissingPath_ThrowsFileNotFound()
    {
        var e = Assert.Throws<NetIoException>(() => NetNamespace.Enter("/proc/self/ns/no-such-file"));

        Assert.Equal(NetIoStatus.FileNotFound, e.Status);
    }

    [Fact]
    public void Enter_RegularFile_ThrowsInvalidParameter()
    {
        string path = Path.GetTempFileName();
        try
        {
            var e = Assert.Throws<NetIoException>(() => NetNamespace.Enter(path));

            Assert.Equal(NetIoStatus.InvalidParameter, e.Status);
            Assert.Equal(22, e.Detail.Errno);
            Assert.Contains("not a network namespace", e.Message, StringComparison.Ordinal);
            Assert.Null(NetNamespace.Current);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Enter_NamespaceOfAnotherType_ThrowsInvalidParameter()
    {
        var e = Assert.Throws<NetIoException>(() => NetNamespace.Enter("/proc/self/ns/uts"));

        Assert.Equal(NetIoStatus.InvalidParameter, e.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a\0b")]
    public void Enter_MalformedName_ThrowsInvalidParameter(string name)
    {
        var e = Assert.Throws<NetIoException>(() => NetNamespace.Enter(name));

        Assert.Equal(NetIoStatus.InvalidParameter, e.Status);
        Assert.Equal("nameOrPath", e.Detail.Argument);
    }

    [Fact]
    public void Run_WithoutScope_RunsOnTheCallingThread()
    {
        int caller = Environment.CurrentManagedThreadId;

        int runner = TestBackend.Context.Run(() => Environment.CurrentManagedThreadId);

        Assert.Equal(caller, runner);
        Assert.Equal(ThreadInode(), NetNamespace.CurrentInode);
    }

    [RootFact]
    public void Run_InsideScope_RunsInTheNamespace()
    {
        using var ns = new TestNetns();
        ulong outside = ThreadInode();

        ulong inside;
        using (NetNamespaceScope scope = ns.Enter())
        {
            inside = TestBackend.Context.Run(ThreadInode);

            Assert.Equal(ns.Inode, scope.Inode);
            Assert.Equal(ns.Inode, NetNamespace.CurrentInode);
            Assert.Equal(ns.Name, scope.Name);
            Assert.Equal(outside, ThreadInode());
        }

        Assert.Equal(ns.Inode, inside);
        Assert.NotEqual(outside, inside);
        Assert.Equal(outside, NetNamespace.CurrentInode);
        Assert.Null(NetNamespace.Current);
    }

    [RootFact]
    public void Run_InsideScope_UsesOneDedicatedThread()
    {
        using var ns = new TestNetns();
        using NetNamespaceScope scope = ns.Enter();

        var first = TestBackend.Context.Run(() => (Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
        var second = TestBackend.Context.Run(() => Environment.CurrentManagedThreadId);

        Assert.NotEqual(Environment.CurrentManagedThreadId, first.CurrentManagedThreadId);
        Assert.False(first.IsThreadPoolThread);
        Assert.Equal(first.CurrentManagedThreadId, second);
    }

    [RootFact]
    public void Run_NestedInsideWork_RunsDirectlyOnTheScopeThread()
    {
        using var ns = new TestNetns();
        using NetNamespaceScope scope = ns.Enter();

        var (outer, inner) = TestBackend.Context.Run(() =>
            (Environment.CurrentManagedThreadId, TestBackend.Context.Run(() => Environment.CurrentManagedThreadId)));

        Assert.Equal(outer, inner);
    }

    [RootFact]
    public void Run_WorkThrows_RethrowsWithTheOriginalStackTrace()
    {
        using var ns = new TestNetns();
        using NetNamespaceScope scope = ns.Enter();

        var e = Assert.Throws<InvalidOperationException>(() => TestBackend.Context.Run<int>(ThrowInsideTheNamespace));

        Assert.Equal("thrown inside", e.Message);
        Assert.Contains(nameof(ThrowInsideTheNamespace), e.StackTrace, StringComparison.Ordinal);
    }

    private static int ThrowInsideTheNamespace() => throw new InvalidOperationException("thrown inside");

    [RootFact]
    public void Run_InsideScope_SeesOnlyTheNamespaceDevices()
    {
        using var ns = new TestNetns();
        ns.AddVeth("iph-v0", "iph-v1");
        using NetNamespaceScope scope = ns.Enter();

        string inside = TestBackend.Context.Run(() => File.ReadAllText("/proc/thread-self/net/dev"));
        string outside = File.ReadAllText("/proc/thread-self/net/dev");

        Assert.Equal(["iph-v0", "iph-v1", "lo"], DeviceNames(inside).Order());
        Assert.DoesNotContain("iph-v0", DeviceNames(outside));
    }

    private static IEnumerable<string> DeviceNames(string procNetDev) =>
        procNetDev.Split('\n').Skip(2).Where(line => line.Contains(':')).Select(line => line.Split(':')[0].Trim());

    [RootFact]
    public void Socket_CreatedInsideScope_BelongsToTheNamespaceForLife()
    {
        using var ns = new TestNetns();
        Socket socket;
        string inodeHex;
        using (NetNamespaceScope scope = ns.Enter())
        {
            socket = BindUdp(IPAddress.Loopback);
            inodeHex = SocketInode(socket);

            Assert.Contains(inodeHex, UdpSocketInodes(TestBackend.Context.Run(() => File.ReadAllText("/proc/thread-self/net/udp"))));
        }

        using (socket)
        {
            // After the scope: the socket still lives in the namespace, not in the host.
            Assert.DoesNotContain(inodeHex, UdpSocketInodes(File.ReadAllText("/proc/thread-self/net/udp")));
            socket.SendTo([1, 2, 3], socket.LocalEndPoint!);
            var buffer = new byte[8];
            socket.ReceiveTimeout = 5000;
            Assert.Equal(3, socket.Receive(buffer));
        }
    }

    [RootFact]
    public void Sockets_InTwoNamespaces_TalkOverAVethPair()
    {
        using var a = new TestNetns();
        using var b = new TestNetns();
        a.ConnectVeth(b, "iph-a0", "iph-b0");
        a.AddAddress("iph-a0", "192.0.2.1/24");
        b.AddAddress("iph-b0", "192.0.2.2/24");

        using Socket receiver = OpenUdp(b, IPAddress.Parse("192.0.2.2"));
        using Socket sender = OpenUdp(a, IPAddress.Parse("192.0.2.1"));
        sender.SendTo([4, 2], receiver.LocalEndPoint!);

        var buffer = new byte[8];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        receiver.ReceiveTimeout = 5000;
        Assert.Equal(2, receiver.ReceiveFrom(buffer, ref from));
        Assert.Equal(sender.LocalEndPoint, from);
    }

    private static Socket OpenUdp(TestNetns ns, IPAddress address)
    {
        using NetNamespaceScope scope = ns.Enter();
        return BindUdp(address);
    }

    /// <summary>A UDP socket bound to <paramref name="address"/>, created where the library targets.</summary>
    private static Socket BindUdp(IPAddress address) => TestBackend.Context.Run(() =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    });

    private static string SocketInode(Socket socket)
    {
        string target = new FileInfo($"/proc/self/fd/{socket.SafeHandle.DangerousGetHandle()}").LinkTarget!;
        return target["socket:[".Length..^1];
    }

    private static IEnumerable<string> UdpSocketInodes(string procNetUdp) =>
        procNetUdp.Split('\n').Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 9).Select(fields => fields[9]);

    [RootFact]
    public void Enter_Path_EntersTheNamespace()
    {
        using var ns = new TestNetns();
        using NetNamespaceScope scope = NetNamespace.Enter("/run/netns/" + ns.Name);

        ns.AssertInside();
        Assert.Equal("/run/netns/" + ns.Name, scope.Name);
    }

    [RootFact]
    public void Enter_Descriptor_WorksOnADuplicate()
    {
        using var ns = new TestNetns();
        NetNamespaceScope scope;
        using (var fd = File.OpenHandle("/run/netns/" + ns.Name))
        {
            scope = NetNamespace.Enter(fd);
        }

        using (scope)
        {
            ns.AssertInside();
            Assert.Null(scope.Name);
        }
    }

    [RootFact]
    public void Enter_Nested_RestoresTheOuterScopeOnDispose()
    {
        using var a = new TestNetns();
        using var b = new TestNetns();

        using (NetNamespaceScope outer = a.Enter())
        {
            using (NetNamespaceScope inner = b.Enter())
            {
                Assert.Same(inner, NetNamespace.Current);
                Assert.Equal(b.Inode, TestBackend.Context.Run(ThreadInode));
            }

            Assert.Same(outer, NetNamespace.Current);
            Assert.Equal(a.Inode, TestBackend.Context.Run(ThreadInode));
        }

        Assert.Null(NetNamespace.Current);
        Assert.Equal(TestNetns.HostInode, TestBackend.Context.Run(ThreadInode));
    }

    [RootFact]
    public void Dispose_OutOfOrder_KeepsTheCurrentScopeAndSkipsDisposedOnes()
    {
        using var a = new TestNetns();
        using var b = new TestNetns();
        NetNamespaceScope outer = a.Enter();
        NetNamespaceScope inner = b.Enter();

        outer.Dispose();

        Assert.Same(inner, NetNamespace.Current);
        b.AssertInside();

        inner.Dispose();

        Assert.Null(NetNamespace.Current);
    }

    [RootFact]
    public void Dispose_Twice_IsHarmless()
    {
        using var a = new TestNetns();
        using var b = new TestNetns();
        using NetNamespaceScope outer = a.Enter();
        NetNamespaceScope inner = b.Enter();

        inner.Dispose();
        inner.Dispose();

        Assert.Same(outer, NetNamespace.Current);
        a.AssertInside();
    }

    [RootFact]
    public async Task Current_FlowsIntoTasksStartedInside()
    {
        using var ns = new TestNetns();
        using NetNamespaceScope scope = ns.Enter();

        NetNamespaceScope? seen = await Task.Run(() => NetNamespace.Current);
        ulong inode = await Task.Run(() => TestBackend.Context.Run(ThreadInode));

        Assert.Same(scope, seen);
        Assert.Equal(ns.Inode, inode);
    }

    [RootFact]
    public async Task Current_EnteredInAnAsyncMethod_DoesNotLeakToTheCaller()
    {
        using var ns = new TestNetns();

        NetNamespaceScope scope = await EnterAsync(ns);

        using (scope)
        {
            Assert.Null(NetNamespace.Current);
            Assert.Equal(TestNetns.HostInode, NetNamespace.CurrentInode);
        }
    }

    private static async Task<NetNamespaceScope> EnterAsync(TestNetns ns)
    {
        await Task.Yield();
        NetNamespaceScope scope = ns.Enter();
        await Task.Yield();
        Assert.Same(scope, NetNamespace.Current);
        return scope;
    }

    [RootFact]
    public async Task Run_AfterTheScopeWasDisposedElsewhere_ThrowsInsteadOfRunningInTheHost()
    {
        using var ns = new TestNetns();
        var disposed = new TaskCompletionSource();
        Task<int> late;
        using (ns.Enter())
        {
            late = Task.Run(async () =>
            {
                await disposed.Task;
                return TestBackend.Context.Run(() => 1);
            });
        }

        disposed.SetResult();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => late);
    }
}
