using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Linux.Notifications;
using Xunit;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

public static partial class BadInputCases
{
    private static IEnumerable<BadInputCase> Interfaces()
    {
        const string IndexToLuid = nameof(NetIo.ConvertInterfaceIndexToLuid);
        yield return Read(IndexToLuid, "index 0", FileNotFound, _ => Zeroed(NetIo.ConvertInterfaceIndexToLuid(0, out var luid), luid));
        yield return Read(IndexToLuid, "deleted interface's index", FileNotFound, lab => Zeroed(NetIo.ConvertInterfaceIndexToLuid(lab.GoneIndex, out var luid), luid));
        yield return Read(IndexToLuid, "index 0xFFFFFFFF", FileNotFound, _ => Zeroed(NetIo.ConvertInterfaceIndexToLuid(uint.MaxValue, out var luid), luid));

        const string LuidToIndex = nameof(NetIo.ConvertInterfaceLuidToIndex);
        yield return Read(LuidToIndex, "zero LUID", FileNotFound, _ => Zeroed(NetIo.ConvertInterfaceLuidToIndex(default, out var index), index));
        yield return Read(LuidToIndex, "unknown LUID", FileNotFound, _ => Zeroed(NetIo.ConvertInterfaceLuidToIndex(UnknownLuid, out var index), index));
        yield return Read(LuidToIndex, "deleted interface's LUID", FileNotFound, lab => Zeroed(NetIo.ConvertInterfaceLuidToIndex(lab.GoneLuid, out var index), index));
        yield return Read(LuidToIndex, "v0's index with another ifType", FileNotFound, lab => Zeroed(NetIo.ConvertInterfaceLuidToIndex(new NetLuid(lab.V0, 24), out var index), index));
        yield return Read(LuidToIndex, "reserved bits set", FileNotFound, lab => Zeroed(NetIo.ConvertInterfaceLuidToIndex(new NetLuid(lab.V0Luid.Value | 1), out var index), index));

        const string LuidToGuid = nameof(NetIo.ConvertInterfaceLuidToGuid);
        yield return Read(LuidToGuid, "zero LUID", FileNotFound, _ => Zeroed(NetIo.ConvertInterfaceLuidToGuid(default, out var guid), guid));
        yield return Read(LuidToGuid, "unknown LUID", FileNotFound, _ => Zeroed(NetIo.ConvertInterfaceLuidToGuid(UnknownLuid, out var guid), guid));
        yield return Read(LuidToGuid, "deleted interface's LUID", FileNotFound, lab => Zeroed(NetIo.ConvertInterfaceLuidToGuid(lab.GoneLuid, out var guid), guid));

        const string GuidToLuid = nameof(NetIo.ConvertInterfaceGuidToLuid);
        yield return Read(GuidToLuid, "empty GUID", FileNotFound, _ => Zeroed(NetIo.ConvertInterfaceGuidToLuid(Guid.Empty, out var luid), luid));
        yield return Read(GuidToLuid, "a GUID no interface has", FileNotFound, _ => Zeroed(NetIo.ConvertInterfaceGuidToLuid(new Guid("6b29fc40-ca47-1067-b31d-00dd010662da"), out var luid), luid));
        yield return Read(GuidToLuid, "deleted interface's GUID", FileNotFound, lab => Zeroed(NetIo.ConvertInterfaceGuidToLuid(lab.GoneGuid, out var luid), luid));

        const string AliasToLuid = nameof(NetIo.ConvertInterfaceAliasToLuid);
        foreach (var (name, alias) in BadNames())
            yield return Read(AliasToLuid, name, InvalidParameter, _ => Zeroed(NetIo.ConvertInterfaceAliasToLuid(alias, out var luid), luid));

        const string LuidToAlias = nameof(NetIo.ConvertInterfaceLuidToAlias);
        yield return Read(LuidToAlias, "zero LUID", InvalidParameter, _ => Null(NetIo.ConvertInterfaceLuidToAlias(default, out string? alias), alias));
        yield return Read(LuidToAlias, "unknown LUID", InvalidParameter, _ => Null(NetIo.ConvertInterfaceLuidToAlias(UnknownLuid, out string? alias), alias));
        yield return Read(LuidToAlias, "deleted interface's LUID", InvalidParameter, lab => NetIo.ConvertInterfaceLuidToAlias(lab.GoneLuid, new char[257]));
        yield return Read(LuidToAlias, "empty buffer", NotEnoughMemory, lab => NetIo.ConvertInterfaceLuidToAlias(lab.V0Luid, Span<char>.Empty));
        yield return Read(LuidToAlias, "buffer without room for the NUL", NotEnoughMemory, lab => NetIo.ConvertInterfaceLuidToAlias(lab.V0Luid, new char[2]));

        foreach (var (function, call) in new (string, Func<NetLuid, int, NetIoStatus>)[]
        {
            (nameof(NetIo.ConvertInterfaceLuidToNameW), (luid, length) => NetIo.ConvertInterfaceLuidToNameW(luid, new char[length])),
            (nameof(NetIo.ConvertInterfaceLuidToNameA), (luid, length) => NetIo.ConvertInterfaceLuidToNameA(luid, new byte[length])),
        })
        {
            yield return Read(function, "empty buffer", NotEnoughMemory, lab => call(lab.V0Luid, 0));
            yield return Read(function, "buffer without room for the NUL", NotEnoughMemory, lab => call(lab.V0Luid, "ethernet_".Length));
            yield return Read(function, "zero LUID", FileNotFound, _ => call(default, 257));
            yield return Read(function, "unknown LUID", FileNotFound, _ => call(UnknownLuid, 257));
            yield return Read(function, "deleted interface's LUID", FileNotFound, lab => call(lab.GoneLuid, 257));
        }

        foreach (var (function, call) in new (string, Func<string?, (NetIoStatus, NetLuid)>)[]
        {
            (nameof(NetIo.ConvertInterfaceNameToLuidW), name => (NetIo.ConvertInterfaceNameToLuidW(name, out var luid), luid)),
            (nameof(NetIo.ConvertInterfaceNameToLuidA), name => (NetIo.ConvertInterfaceNameToLuidA(name, out var luid), luid)),
        })
        {
            foreach (var (name, text) in BadNames().Append(("Windows name of a deleted interface", "ethernet_999999")).Append(("Windows name with an unknown prefix", "wlan_1")))
                yield return Read(function, name, InvalidName, _ =>
                {
                    var (status, luid) = call(text);
                    return Zeroed(status, luid);
                });
        }

        const string NameToIndex = nameof(NetIo.if_nametoindex);
        foreach (var (name, text) in BadNames())
            yield return Read(NameToIndex, name, InvalidName, _ => NetIo.if_nametoindex(text) == 0 ? LastStatus() : Success);

        const string IndexToName = nameof(NetIo.if_indextoname);
        yield return Read(IndexToName, "index 0", FileNotFound, _ => NetIo.if_indextoname(0) is null ? LastStatus() : Success);
        yield return Read(IndexToName, "deleted interface's index", FileNotFound, lab => NetIo.if_indextoname(lab.GoneIndex) is null ? LastStatus() : Success);
        yield return Read(IndexToName, "index 0xFFFFFFFF", FileNotFound, _ => NetIo.if_indextoname(uint.MaxValue) is null ? LastStatus() : Success);

        const string IfEntry = nameof(NetIo.GetIfEntry2);
        yield return Read(IfEntry, "zero LUID and index 0", InvalidParameter, _ => IfEntry2(default, 0));
        yield return Read(IfEntry, "deleted interface's index", FileNotFound, lab => IfEntry2(default, lab.GoneIndex));
        yield return Read(IfEntry, "unknown LUID", FileNotFound, _ => IfEntry2(UnknownLuid, 0));
        yield return Read(IfEntry, "deleted interface's LUID with v0's index (the LUID wins)", FileNotFound, lab => IfEntry2(lab.GoneLuid, lab.V0));
        yield return Read(IfEntry, "index 0xFFFFFFFF", FileNotFound, _ => IfEntry2(default, uint.MaxValue));

        yield return Read(nameof(NetIo.GetIfTable2), "no argument to get wrong", Success, _ => Freed(NetIo.GetIfTable2(out var table), table));
        foreach (var level in new[] { 3, -1, int.MaxValue })
            yield return Read(nameof(NetIo.GetIfTable2Ex), $"level {level}", InvalidParameter, _ => Null(NetIo.GetIfTable2Ex((MibIfTableLevel)level, out var table), table));
        yield return Read(nameof(NetIo.GetIfStackTable), "no argument to get wrong", Success, _ => Freed(NetIo.GetIfStackTable(out var table), table));
        yield return Read(nameof(NetIo.GetInvertedIfStackTable), "no argument to get wrong", Success, _ => Freed(NetIo.GetInvertedIfStackTable(out var table), table));

        const string Free = nameof(NetIo.FreeMibTable);
        yield return Read(Free, "null table", Success, _ => Thrown(() => NetIo.FreeMibTable<MibIfRow2>(null)));
        yield return Read(Free, "a table freed twice", Success, _ => Thrown(() =>
        {
            NetIo.GetIfTable2(out var table);
            NetIo.FreeMibTable(table);
            NetIo.FreeMibTable(table);
        }));

        const string Cancel = nameof(NetIo.CancelMibChangeNotify2);
        yield return Read(Cancel, "null handle", InvalidParameter, _ => NetIo.CancelMibChangeNotify2(null));
        yield return Read(Cancel, "a handle cancelled twice", InvalidHandle, _ =>
        {
            Assert.Equal(Success, NetIo.NotifyIpInterfaceChange(System.Net.Sockets.AddressFamily.Unspecified, static (_, _, _) => { }, null, false, out var handle));
            Assert.Equal(Success, NetIo.CancelMibChangeNotify2(handle));
            return NetIo.CancelMibChangeNotify2(handle);
        });

        yield return Read(nameof(NetIo.GetTeredoPort), "no Teredo client in the namespace", NotReady, _ => Zeroed(NetIo.GetTeredoPort(out var port), port));
        yield return Read(nameof(NetIo.NotifyTeredoPortChange), "null callback", InvalidParameter, _ => Null(NetIo.NotifyTeredoPortChange(null, null, true, out var handle), handle));
    }

    /// <summary>Names no interface can have: null, empty, one past IFNAMSIZ, far too long, a NUL inside, a deleted interface's.</summary>
    private static IEnumerable<(string Name, string? Text)> BadNames() =>
    [
        ("null", null),
        ("empty", ""),
        ("16 characters (IFNAMSIZ with its NUL)", TooLongName),
        ("300 characters", new string('x', 300)),
        ("a NUL inside", "v0\0x"),
        ("deleted interface's name", "gone0"),
        ("name of a link in another namespace only", "eth9"),
    ];

    private static NetIoStatus IfEntry2(NetLuid luid, uint index)
    {
        var row = new MibIfRow2 { InterfaceLuid = luid, InterfaceIndex = index };
        return NetIo.GetIfEntry2(ref row);
    }
}
