using System.Net.Sockets;
using Xunit;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

public static partial class BadInputCases
{
    private static IEnumerable<BadInputCase> Paths()
    {
        foreach (var family in new[] { 99, -1, 1 })
        {
            yield return Read(nameof(NetIo.GetIpPathTable), $"AF {family}", InvalidParameter, _ => Null(NetIo.GetIpPathTable((AddressFamily)family, out var table), table));
            yield return Write(nameof(NetIo.FlushIpPathTable), $"AF {family}", InvalidParameter, _ => NetIo.FlushIpPathTable((AddressFamily)family));
        }

        const string Get = nameof(NetIo.GetIpPathEntry);
        yield return Read(Get, "destination of AF 99", InvalidParameter, lab => GetPath(lab.V0, null, Family(99)));
        yield return Read(Get, "destination of AF_UNSPEC", InvalidParameter, lab => GetPath(lab.V0, null, default));
        yield return Read(Get, "a source of the other family", InvalidParameter, lab => GetPath(lab.V0, Address("2001:db8::1"), Address("192.0.2.5")));
        yield return Read(Get, "a source of AF 99", InvalidParameter, lab => GetPath(lab.V0, Family(99), Address("192.0.2.5")));
        yield return Read(Get, "a scope id on a global IPv6 destination", InvalidParameter, lab => GetPath(lab.V0, null, Address("2001:db8::5%99")));
        yield return Read(Get, "zero LUID and index 0", InvalidParameter, _ => GetPath(0, null, Address("192.0.2.5")));
        yield return Read(Get, "deleted interface's index", FileNotFound, lab => GetPath(lab.GoneIndex, null, Address("192.0.2.5")));
        yield return Read(Get, "no path to the destination", NotFound, lab => GetPath(lab.V0, null, Address("192.0.2.5")));
    }

    private static NetIoStatus GetPath(uint index, SockAddrInet? source, SockAddrInet destination)
    {
        var row = new MibIpPathRow { Source = source ?? default, Destination = destination, InterfaceIndex = index };
        var before = row;
        var status = NetIo.GetIpPathEntry(ref row);
        AssertSameBytes(before, row, "the row");
        return status;
    }
}
