using System.Net.Sockets;
using static IpHelper.NetIoStatus;

namespace IpHelper.Tests.Reliability.BadInput;

public static partial class BadInputCases
{
    private static IEnumerable<BadInputCase> Notifications()
    {
        foreach (var family in new[] { 99, -1, 1 })
        {
            var f = (AddressFamily)family;
            var name = $"AF {family}";
            yield return Read(nameof(NetIo.NotifyIpInterfaceChange), name, InvalidParameter, _ => Null(NetIo.NotifyIpInterfaceChange(f, static (_, _, _) => { }, null, true, out var handle), handle));
            yield return Read(nameof(NetIo.NotifyRouteChange2), name, InvalidParameter, _ => Null(NetIo.NotifyRouteChange2(f, static (_, _, _) => { }, null, true, out var handle), handle));
            yield return Read(nameof(NetIo.NotifyUnicastIpAddressChange), name, InvalidParameter, _ => Null(NetIo.NotifyUnicastIpAddressChange(f, static (_, _, _) => { }, null, true, out var handle), handle));
            yield return Read(nameof(NetIo.NotifyStableUnicastIpAddressTable), name, InvalidParameter, _ =>
                NetIo.NotifyStableUnicastIpAddressTable(f, out var table, static (_, _) => { }, null, out var handle) is var status && table is null ? Null(status, handle) : GenFailure);
            yield return Read(nameof(NetIo.WatchIpInterfaceChanges), name, InvalidParameter, _ => Thrown(() => NetIo.WatchIpInterfaceChanges(f)));
            yield return Read(nameof(NetIo.WatchRouteChanges), name, InvalidParameter, _ => Thrown(() => NetIo.WatchRouteChanges(f)));
            yield return Read(nameof(NetIo.WatchUnicastIpAddressChanges), name, InvalidParameter, _ => Thrown(() => NetIo.WatchUnicastIpAddressChanges(f)));
        }
        yield return Read(nameof(NetIo.NotifyIpInterfaceChange), "null callback", InvalidParameter, _ => Null(NetIo.NotifyIpInterfaceChange(AddressFamily.Unspecified, null, null, true, out var handle), handle));
        yield return Read(nameof(NetIo.NotifyRouteChange2), "null callback", InvalidParameter, _ => Null(NetIo.NotifyRouteChange2(AddressFamily.Unspecified, null, null, true, out var handle), handle));
        yield return Read(nameof(NetIo.NotifyUnicastIpAddressChange), "null callback", InvalidParameter, _ => Null(NetIo.NotifyUnicastIpAddressChange(AddressFamily.Unspecified, null, null, true, out var handle), handle));
        yield return Read(nameof(NetIo.NotifyStableUnicastIpAddressTable), "null callback", InvalidParameter, _ =>
            NetIo.NotifyStableUnicastIpAddressTable(AddressFamily.Unspecified, out var table, null, null, out var handle) is var status && table is null ? Null(status, handle) : GenFailure);
        yield return Read(nameof(NetIo.WatchInterfaceChanges), "a token cancelled before the first item ends the stream", Success, _ => Thrown(() =>
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            var items = NetIo.WatchInterfaceChanges(cancelled.Token).GetAsyncEnumerator(cancelled.Token);
            try
            {
                if (items.MoveNextAsync().AsTask().GetAwaiter().GetResult()) throw new InvalidOperationException("an item came after cancellation");
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                items.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }));
    }
}
