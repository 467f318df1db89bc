using System.Text;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>
/// The identifier conversions of every interface of the topology (conformance checklist C, items 1-12,
/// run "per row of GetIfTable2"), with the index, name and type of each from <c>ip -j link</c>.
/// C# out parameters cannot be NULL, so the checks that pass a NULL output have no counterpart here.
/// </summary>
public sealed class InterfaceConversionTests(InterfaceTopology topology) : IClassFixture<InterfaceTopology>
{
    [RootFact]
    public void IndexAndLuid_ConvertBothWays_ForEveryInterface()
    {
        using var scope = topology.A.Enter();
        foreach (var (link, row) in Interfaces())
        {
            var expected = new NetLuid(DocumentedMapping.LuidValue(link));
            Assert.Equal(expected, row.InterfaceLuid);

            // Item 2.
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(link.Index, out var luid));
            Assert.Equal(expected, luid);
            Assert.Equal(0u, luid.Reserved);
            // Item 3.
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToIndex(luid, out var index));
            Assert.Equal(link.Index, index);
        }
    }

    [RootFact]
    public void GuidAndLuid_ConvertBothWays_ForEveryInterface_AndGuidsAreDistinct()
    {
        using var scope = topology.A.Enter();
        var guids = new HashSet<Guid>();
        foreach (var (_, row) in Interfaces())
        {
            // Item 4.
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToGuid(row.InterfaceLuid, out var guid));
            Assert.Equal(row.InterfaceGuid, guid);
            Assert.NotEqual(Guid.Empty, guid);
            // Item 5.
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceGuidToLuid(guid, out var luid));
            Assert.Equal(row.InterfaceLuid, luid);
            Assert.True(guids.Add(guid), $"{row.Alias} shares its GUID with another interface");
        }
    }

    [RootFact]
    public void LuidToNameW_WritesTheWindowsStyleName_NeedsRoomForTheNul()
    {
        using var scope = topology.A.Enter();
        foreach (var (link, row) in Interfaces())
        {
            var expected = DocumentedMapping.WindowsName(DocumentedMapping.Type(link), link.Index);

            // Item 6: an empty buffer stands for (buf, 0); one without room for the NUL is too small.
            Assert.Equal(NetIoStatus.NotEnoughMemory, NetIo.ConvertInterfaceLuidToNameW(row.InterfaceLuid, Span<char>.Empty));
            var tooSmall = new char[expected.Length];
            Array.Fill(tooSmall, '#');
            Assert.Equal(NetIoStatus.NotEnoughMemory, NetIo.ConvertInterfaceLuidToNameW(row.InterfaceLuid, tooSmall));
            Assert.All(tooSmall, c => Assert.Equal('#', c));

            var exact = new char[expected.Length + 1];
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToNameW(row.InterfaceLuid, exact));
            Assert.Equal(expected + "\0", new string(exact));

            var full = new char[NetIo.IF_NAMESIZE];
            Array.Fill(full, '#');
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToNameW(row.InterfaceLuid, full));
            Assert.Equal(expected, new string(full, 0, Array.IndexOf(full, '\0')));
        }
    }

    [RootFact]
    public void LuidToNameA_WritesTheSameNameInAscii_NeedsRoomForTheNul()
    {
        using var scope = topology.A.Enter();
        foreach (var (link, row) in Interfaces())
        {
            var expected = DocumentedMapping.WindowsName(DocumentedMapping.Type(link), link.Index);

            // Item 7: (NULL, 0) and (buf, 0) are both an empty span here; both give NotEnoughMemory.
            Assert.Equal(NetIoStatus.NotEnoughMemory, NetIo.ConvertInterfaceLuidToNameA(row.InterfaceLuid, Span<byte>.Empty));
            var tooSmall = new byte[expected.Length];
            Array.Fill(tooSmall, (byte)'#');
            Assert.Equal(NetIoStatus.NotEnoughMemory, NetIo.ConvertInterfaceLuidToNameA(row.InterfaceLuid, tooSmall));
            Assert.All(tooSmall, b => Assert.Equal((byte)'#', b));

            var full = new byte[NetIo.IF_NAMESIZE];
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToNameA(row.InterfaceLuid, full));
            Assert.Equal(expected, Encoding.ASCII.GetString(full, 0, Array.IndexOf(full, (byte)0)));
        }
    }

    [RootFact]
    public void NameToLuid_WindowsStyleAndLinuxNames_RoundTrip()
    {
        using var scope = topology.A.Enter();
        foreach (var (link, row) in Interfaces())
        {
            var windowsName = DocumentedMapping.WindowsName(DocumentedMapping.Type(link), link.Index);

            // Items 8 and 9: the name written by ConvertInterfaceLuidToName converts back.
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceNameToLuidW(windowsName, out var w));
            Assert.Equal(row.InterfaceLuid, w);
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceNameToLuidA(windowsName, out var a));
            Assert.Equal(row.InterfaceLuid, a);
            // The Linux convenience: the kernel's name works too.
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceNameToLuidW(link.Name, out var byLinuxName));
            Assert.Equal(row.InterfaceLuid, byLinuxName);
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceNameToLuidA(link.Name, out byLinuxName));
            Assert.Equal(row.InterfaceLuid, byLinuxName);
        }
    }

    [RootFact]
    public void AliasAndLuid_ConvertBothWays_TheAliasIsTheLinuxName()
    {
        using var scope = topology.A.Enter();
        foreach (var (link, row) in Interfaces())
        {
            // Item 10.
            Assert.Equal(link.Name, row.Alias);
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceAliasToLuid(row.Alias, out var luid));
            Assert.Equal(row.InterfaceLuid, luid);
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToAlias(luid, out string? alias));
            Assert.Equal(link.Name, alias);

            var buffer = new char[link.Name.Length + 1];
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToAlias(luid, buffer));
            Assert.Equal(link.Name + "\0", new string(buffer));
            var tooSmall = new char[link.Name.Length];
            Array.Fill(tooSmall, '#');
            Assert.Equal(NetIoStatus.NotEnoughMemory, NetIo.ConvertInterfaceLuidToAlias(luid, tooSmall));
            Assert.All(tooSmall, c => Assert.Equal('#', c));
            Assert.Equal(NetIoStatus.NotEnoughMemory, NetIo.ConvertInterfaceLuidToAlias(luid, Span<char>.Empty));
        }
    }

    [RootFact]
    public void IfNameToIndex_AndIfIndexToName_AgreeWithConvertInterfaceLuidToName()
    {
        using var scope = topology.A.Enter();
        foreach (var (link, row) in Interfaces())
        {
            var nameA = new byte[NetIo.IF_NAMESIZE];
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToNameA(row.InterfaceLuid, nameA));
            var name = Encoding.ASCII.GetString(nameA, 0, Array.IndexOf(nameA, (byte)0));

            // Item 11.
            Assert.Equal(link.Index, NetIo.if_nametoindex(name));
            Assert.Equal(0u, NetIo.if_nametoindex(row.InterfaceGuid.ToString("B")));
            Assert.Equal(0u, NetIo.if_nametoindex(row.InterfaceGuid.ToString("D")));
            Assert.Equal(link.Index, NetIo.if_nametoindex(link.Name));
            // Item 12.
            Assert.Equal(name, NetIo.if_indextoname(link.Index));
        }
        Assert.Equal(0u, NetIo.if_nametoindex("{00000001-0000-0000-0000-000000000000}"));
    }

    [RootFact]
    public void WindowsStyleNames_OfTheTopology_AreTheDocumentedOnes()
    {
        using var scope = topology.A.Enter();
        var names = Interfaces().ToDictionary(i => i.Link.Name, i => NetIo.if_indextoname(i.Link.Index));
        var index = Interfaces().ToDictionary(i => i.Link.Name, i => i.Link.Index);

        Assert.Equal("loopback_1", names["lo"]);
        Assert.Equal($"ethernet_{index["veth0"]}", names["veth0"]);
        Assert.Equal($"ethernet_{index["vd0"]}", names["vd0"]);
        Assert.Equal($"iftype209_{index["br0"]}", names["br0"]);
        if (index.TryGetValue("vx0", out var vxlan)) Assert.Equal($"tunnel_{vxlan}", names["vx0"]);
        if (index.TryGetValue("tun0", out var tun)) Assert.Equal($"iftype53_{tun}", names["tun0"]);
    }

    private List<(IpLink Link, MibIfRow2 Row)> Interfaces()
    {
        var links = IpLink.List(topology.A);
        Assert.Equal(NetIoStatus.Success, NetIo.GetIfTable2(out var table));
        using (table)
        {
            Assert.Equal(links.Select(l => l.Index).Order(), table!.Select(r => r.InterfaceIndex).Order());
            return [.. links.Select(l => (l, table!.Single(r => r.InterfaceIndex == l.Index)))];
        }
    }
}
