using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>
/// Identifier conversion failures (conformance checklist C, items 1 and 13-19, and the unknown-name
/// cases). Where Windows is given a NULL output pointer there is no C# counterpart (out parameters
/// always exist), and a NULL LUID pointer cannot be passed either (it is an <c>in</c> parameter):
/// those checks are left out. Out parameters are always written, so "left untouched" becomes
/// "zeroed" where Windows leaves the caller's value.
/// </summary>
public sealed class InterfaceConversionFailureTests(InterfaceTopology topology) : IClassFixture<InterfaceTopology>
{
    /// <summary>Names that no interface of the topology has, in either form.</summary>
    public static TheoryData<string> UnknownNames =>
    [
        "",
        "nosuch0",
        "ethernet_9999",
        "ethernet_1", // index 1 is lo: the type must match too
        "loopback_2",
        "iftype6_9999",
        "Loopback_1",
        "loopback_",
        "_1",
        "loopback_1 ",
        "{00000001-0000-0000-0000-000000000000}",
        "00000001-0000-0000-0000-000000000000",
        "averyveryverylongname", // longer than IFNAMSIZ: goes to the kernel as IFLA_ALT_IFNAME
        new string('a', 200),
        "lo\0",
        "üüüüüüüü", // 8 characters, 16 UTF-8 bytes: too long for IFLA_IFNAME
    ];

    [RootFact]
    public void IndexToLuid_IndexZeroOrUnknown_ReturnsFileNotFound_AndAZeroLuid()
    {
        InNamespace(() =>
        {
            foreach (var index in new uint[] { 0, 9999, 0x7FFF_FFFF, 0x8000_0000, uint.MaxValue })
            {
                // Items 1 and 13: Reserved, NetLuidIndex and IfType all 0.
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.ConvertInterfaceIndexToLuid(index, out var luid));
                Assert.Equal(0UL, luid.Value);
                Assert.Equal((NetIoStatus.FileNotFound, "InterfaceIndex"), (NetIo.LastErrorDetail?.Status, NetIo.LastErrorDetail?.Argument));
            }
        });
    }

    [RootFact]
    public void LuidToIndex_UnknownLuid_ReturnsFileNotFound_AndIndexZero()
    {
        InNamespace(() =>
        {
            foreach (var luid in UnknownLuids())
            {
                // Item 14.
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.ConvertInterfaceLuidToIndex(luid, out var index));
                Assert.Equal(0u, index);
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.LastErrorDetail?.Status);
            }
        });
    }

    [RootFact]
    public void LuidToGuid_UnknownLuid_ReturnsFileNotFound_AndAZeroGuid()
    {
        InNamespace(() =>
        {
            foreach (var luid in UnknownLuids())
            {
                // Item 15.
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.ConvertInterfaceLuidToGuid(luid, out var guid));
                Assert.Equal(Guid.Empty, guid);
            }
        });
    }

    [RootFact]
    public void GuidToLuid_UnknownGuid_ReturnsFileNotFound_AndAZeroLuid()
    {
        InNamespace(() =>
        {
            foreach (var guid in new[] { Guid.Empty, Guid.Parse("00000001-0000-0000-0000-000000000000"), Guid.NewGuid() })
            {
                // Item 16 (the NULL cases have no C# counterpart).
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.ConvertInterfaceGuidToLuid(guid, out var luid));
                Assert.Equal(0UL, luid.Value);
                Assert.Equal((NetIoStatus.FileNotFound, "InterfaceGuid"), (NetIo.LastErrorDetail?.Status, NetIo.LastErrorDetail?.Argument));
            }
        });
    }

    [RootFact]
    public void LuidToName_UnknownLuid_ReturnsFileNotFound_AndLeavesTheBuffer()
    {
        InNamespace(() =>
        {
            foreach (var luid in UnknownLuids())
            {
                // Item 17, with a LUID that names nothing in place of a NULL one.
                var wide = new char[NetIo.IF_NAMESIZE];
                Array.Fill(wide, '#');
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.ConvertInterfaceLuidToNameW(luid, wide));
                Assert.All(wide, c => Assert.Equal('#', c));

                var ansi = new byte[NetIo.IF_NAMESIZE];
                Array.Fill(ansi, (byte)'#');
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.ConvertInterfaceLuidToNameA(luid, ansi));
                Assert.All(ansi, b => Assert.Equal((byte)'#', b));
            }
        });
    }

    [RootFact]
    public void NameToLuid_NullName_ReturnsInvalidName_AndAZeroLuid()
    {
        InNamespace(() =>
        {
            // Item 18: ConvertInterfaceNameToLuidW(NULL, &luid) -> 123 with the LUID zeroed. (NULL, NULL)
            // cannot be written in C#, so the A/W difference in which argument is checked first cannot show.
            Assert.Equal(NetIoStatus.InvalidName, NetIo.ConvertInterfaceNameToLuidW(null, out var w));
            Assert.Equal(0UL, w.Value);
            Assert.Equal((NetIoStatus.InvalidName, "InterfaceName"), (NetIo.LastErrorDetail?.Status, NetIo.LastErrorDetail?.Argument));
            // Item 9: Windows leaves the LUID untouched for the A form; an out parameter is always written.
            Assert.Equal(NetIoStatus.InvalidName, NetIo.ConvertInterfaceNameToLuidA(null, out var a));
            Assert.Equal(0UL, a.Value);
        });
    }

    [RootTheory]
    [MemberData(nameof(UnknownNames))]
    public void NameToLuid_UnknownName_ReturnsInvalidName_AndAZeroLuid(string name)
    {
        InNamespace(() =>
        {
            Assert.Equal(NetIoStatus.InvalidName, NetIo.ConvertInterfaceNameToLuidW(name, out var w));
            Assert.Equal(0UL, w.Value);
            Assert.Equal(NetIoStatus.InvalidName, NetIo.ConvertInterfaceNameToLuidA(name, out var a));
            Assert.Equal(0UL, a.Value);
            Assert.Equal(NetIoStatus.InvalidName, NetIo.LastErrorDetail?.Status);
        });
    }

    [RootTheory]
    [MemberData(nameof(UnknownNames))]
    public void AliasToLuid_UnknownAlias_ReturnsInvalidParameter_AndAZeroLuid(string alias)
    {
        InNamespace(() =>
        {
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.ConvertInterfaceAliasToLuid(alias, out var luid));
            Assert.Equal(0UL, luid.Value);
            Assert.Equal((NetIoStatus.InvalidParameter, "InterfaceAlias"), (NetIo.LastErrorDetail?.Status, NetIo.LastErrorDetail?.Argument));
        });
    }

    [RootFact]
    public void AliasToLuid_NullAlias_ReturnsInvalidParameter_AndAZeroLuid()
    {
        InNamespace(() =>
        {
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.ConvertInterfaceAliasToLuid(null, out var luid));
            Assert.Equal(0UL, luid.Value);
        });
    }

    [RootFact]
    public void LuidToAlias_UnknownLuid_ReturnsInvalidParameter_AndLeavesTheBuffer()
    {
        InNamespace(() =>
        {
            foreach (var luid in UnknownLuids())
            {
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.ConvertInterfaceLuidToAlias(luid, out string? alias));
                Assert.Null(alias);
                var buffer = new char[NetIo.IF_NAMESIZE];
                Array.Fill(buffer, '#');
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.ConvertInterfaceLuidToAlias(luid, buffer));
                Assert.All(buffer, c => Assert.Equal('#', c));
                Assert.Equal((NetIoStatus.InvalidParameter, "InterfaceLuid"), (NetIo.LastErrorDetail?.Status, NetIo.LastErrorDetail?.Argument));
            }
        });
    }

    [RootTheory]
    [MemberData(nameof(UnknownNames))]
    public void IfNameToIndex_UnknownName_ReturnsZero(string name) =>
        InNamespace(() => Assert.Equal(0u, NetIo.if_nametoindex(name)));

    [RootFact]
    public void IfNameToIndex_Null_ReturnsZero_IfIndexToName_UnknownIndex_ReturnsNull()
    {
        InNamespace(() =>
        {
            // Item 19 (the NULL buffer of if_indextoname has no counterpart: it returns a string).
            Assert.Equal(0u, NetIo.if_nametoindex(null));
            foreach (var index in new uint[] { 0, 9999, 0x8000_0000, uint.MaxValue })
            {
                Assert.Null(NetIo.if_indextoname(index));
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.LastErrorDetail?.Status);
            }
        });
    }

    [RootFact]
    public void Conversions_AfterAFailure_SucceedAndClearTheLastError()
    {
        InNamespace(() =>
        {
            NetIo.ConvertInterfaceIndexToLuid(0, out _);
            Assert.NotNull(NetIo.LastErrorDetail);

            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(1, out var luid));

            Assert.Null(NetIo.LastErrorDetail);
            Assert.Equal(new NetLuid(1, (ushort)IfType.SoftwareLoopback), luid);
        });
    }

    /// <summary>LUIDs that name no interface of the topology (item 14 uses all ones).</summary>
    private List<NetLuid> UnknownLuids()
    {
        var lo = IpLink.Show(topology.A, "lo");
        var veth = IpLink.Show(topology.A, "veth0");
        return
        [
            new(ulong.MaxValue),
            new(0),
            new(9999, (ushort)IfType.EthernetCsmacd),
            new(NetLuid.MaxNetLuidIndex, (ushort)IfType.EthernetCsmacd),
            new(lo.Index, (ushort)IfType.EthernetCsmacd), // lo's index with another type
            new(veth.Index, (ushort)IfType.SoftwareLoopback),
            new(DocumentedMapping.LuidValue(veth) | 0x1234), // veth0's LUID with reserved bits set
        ];
    }

    /// <summary>Runs the calls inside the topology's namespace and checks they changed no link.</summary>
    private void InNamespace(Action calls) =>
        KernelState.AssertUnchangedBy(topology.A, () =>
        {
            using var scope = topology.A.Enter();
            calls();
        });
}
