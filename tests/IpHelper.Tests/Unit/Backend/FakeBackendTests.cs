using System.Net.Sockets;
using Xunit;

namespace IpHelper.Tests.Unit.Backend;

/// <summary>
/// NetIo driven by a fake backend, without root or a kernel: NetIo validates, dispatches to the backend
/// of the caller's scope, and reports the detail the backend recorded. The fake enters through the same
/// seam a namespace does (a scope over a context), so nothing in NetIo knows it is a test.
/// </summary>
public sealed class FakeBackendTests
{
    [Fact]
    public void GetIpForwardTable2_InAFakeScope_ReturnsTheBackendsRows()
    {
        var fake = new FakeRoutes();
        using (FakeScope.Enter(fake))
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table));
            using (table)
            {
                Assert.Equal("198.51.100.0/24", Assert.Single(table!).DestinationPrefix.ToString());
            }
            Assert.Null(NetIo.LastErrorDetail);
        }
        Assert.Equal(1, fake.TableReads);
    }

    [Fact]
    public void BackendFailure_IsWhatLastErrorDetailReports()
    {
        var fake = new FakeRoutes { Refuse = true };
        using (FakeScope.Enter(fake))
        {
            Assert.Equal(NetIoStatus.AccessDenied, NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table));
            Assert.Null(table);
            Assert.Equal("the fake backend refuses", NetIo.LastErrorDetail?.Message);
        }
    }

    [Fact]
    public void CreateIpForwardEntry2_PrefixLongerThanItsFamily_IsRefusedByNetIoBeforeTheBackend()
    {
        var fake = new FakeRoutes();
        NetIo.InitializeIpForwardEntry(out var row);
        Assert.True(IpAddressPrefix.TryParse("198.51.100.0/24", out row.DestinationPrefix));
        row.DestinationPrefix.PrefixLength = 33;
        row.InterfaceIndex = 7;
        using (FakeScope.Enter(fake))
        {
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.CreateIpForwardEntry2(row));
            Assert.Equal("DestinationPrefix", NetIo.LastErrorDetail?.Argument?.Split('.')[0]);
        }
        Assert.Equal(0, fake.Creates);
    }

    [Fact]
    public void CurrentInode_InAFakeScope_IsTheBackendsNamespace()
    {
        using (FakeScope.Enter(new FakeRoutes()))
        {
            Assert.Equal(FakeRoutes.Inode, NetNamespace.CurrentInode);
        }
    }

    [Fact]
    public void NotifyRouteChange2_CallbackOnAnotherThread_RunsInTheRegistrationsNamespace()
    {
        var fake = new FakeRoutes();
        NotificationHandle? handle;
        using (FakeScope.Enter(fake))
        {
            Assert.Equal(NetIoStatus.Success, NetIo.NotifyRouteChange2(AddressFamily.InterNetwork, (_, row, type) =>
            {
                // Calls made in a callback act on the registration's namespace: here, the fake again.
                fake.SeenInCallback = (NetNamespace.CurrentInode, NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table));
                table?.Dispose();
            }, null, false, out handle));
        }

        // The backend's thread has no scope of its own (UnsafeStart: the test's ExecutionContext does not flow).
        var thread = new Thread(() => fake.Deliver!(default(MibIpForwardRow2), MibNotificationType.MibAddInstance));
        thread.UnsafeStart();
        thread.Join();

        Assert.Equal((FakeRoutes.Inode, NetIoStatus.Success), fake.SeenInCallback);
        Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(handle));
        Assert.True(handle!.IsCancelled);
    }

    /// <summary>A backend with one route, 198.51.100.0/24 on interface 7, and a route registration it delivers on demand.</summary>
    private sealed class FakeRoutes : ThrowingBackend
    {
        public const ulong Inode = 4026539999;

        public bool Refuse { get; init; }

        public int TableReads { get; private set; }

        public int Creates { get; private set; }

        public ChangeCallback<MibIpForwardRow2>? Deliver { get; private set; }

        public (ulong Inode, NetIoStatus Status) SeenInCallback { get; set; }

        public override ulong NamespaceInode => Inode;

        public override BackendResult LookupInterface(uint interfaceIndex, out InterfaceIdentity identity)
        {
            identity = new InterfaceIdentity(interfaceIndex, new NetLuid(interfaceIndex, 6), "fake0", Guid.Empty);
            return interfaceIndex == 7 ? BackendResult.Success : BackendResult.Fail(NetIoStatus.FileNotFound, "no such fake interface");
        }

        public override BackendResult GetIpForwardTable(AddressFamily family, RouteTableSelection tables, out MibTable<MibIpForwardRow2>? table)
        {
            TableReads++;
            table = null;
            if (Refuse) return BackendResult.Fail(NetIoStatus.AccessDenied, "the fake backend refuses");
            using var rows = new MibTableBuilder<MibIpForwardRow2>();
            ref var row = ref rows.Add();
            NetIo.InitializeIpForwardEntry(out row);
            IpAddressPrefix.TryParse("198.51.100.0/24", out row.DestinationPrefix);
            row.InterfaceIndex = 7;
            table = rows.ToTable();
            return BackendResult.Success;
        }

        public override BackendResult CreateIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
        {
            Creates++;
            return BackendResult.Success;
        }

        public override BackendResult NotifyRouteChange(AddressFamily family, RouteTableSelection tables, ChangeCallback<MibIpForwardRow2> callback,
            Action? onResync, bool initialNotification, out NotificationHandle? handle)
        {
            Deliver = callback;
            handle = new FakeHandle();
            return BackendResult.Success;
        }
    }

    private sealed class FakeHandle : NotificationHandle
    {
        private int _cancelled;

        public override long Resyncs => 0;

        public override bool IsCancelled => _cancelled != 0;

        internal override bool Cancel() => Interlocked.Exchange(ref _cancelled, 1) == 0;
    }
}
