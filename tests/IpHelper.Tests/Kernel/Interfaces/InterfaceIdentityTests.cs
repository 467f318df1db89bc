using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>
/// Interface identity across namespaces, re-creation and renaming (docs/mapping.md, "Interface
/// identity"): the GUID follows the name, the index and LUID follow the kernel's ifindex.
/// </summary>
public sealed class InterfaceIdentityTests
{
    [RootFact]
    public void Guid_SameNameInTwoNamespaces_IsTheSame_ThoughTheIndexesDiffer()
    {
        using var first = new TestNetns();
        using var second = new TestNetns();
        first.AddVeth("iph-g0", "iph-g1");
        second.AddVeth("iph-g1", "iph-g0");

        var (firstIndex, firstGuid) = IndexAndGuid(first, "iph-g0");
        var (secondIndex, secondGuid) = IndexAndGuid(second, "iph-g0");

        Assert.NotEqual(firstIndex, secondIndex);
        Assert.Equal(firstGuid, secondGuid);
        Assert.NotEqual(IndexAndGuid(first, "iph-g1").Guid, firstGuid);
    }

    [RootFact]
    public void Guid_DeleteAndRecreate_StaysTheSame_WhileTheIndexChanges()
    {
        using var ns = new TestNetns();
        ns.AddVeth("iph-g0", "iph-g1");
        var (oldIndex, oldGuid) = IndexAndGuid(ns, "iph-g0");
        ns.Ip("link", "del", "iph-g0");
        ns.AddVeth("iph-g0", "iph-g1");

        var (newIndex, newGuid) = IndexAndGuid(ns, "iph-g0");

        Assert.NotEqual(oldIndex, newIndex);
        Assert.Equal(oldGuid, newGuid);
        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.FileNotFound, NetIo.ConvertInterfaceIndexToLuid(oldIndex, out _));
        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceGuidToLuid(newGuid, out var luid));
        Assert.Equal(newIndex, luid.NetLuidIndex);
    }

    [RootFact]
    public void Guid_Rename_ChangesIt_TheOldGuidNamesNothing_RenamingBackRestoresIt()
    {
        using var ns = new TestNetns();
        ns.AddVeth("iph-g0", "iph-g1");
        var (index, original) = IndexAndGuid(ns, "iph-g0");
        ns.Ip("link", "set", "iph-g0", "down");
        ns.Ip("link", "set", "iph-g0", "name", "iph-renamed");

        var (renamedIndex, renamed) = IndexAndGuid(ns, "iph-renamed");

        Assert.Equal(index, renamedIndex);
        Assert.NotEqual(original, renamed);
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.FileNotFound, NetIo.ConvertInterfaceGuidToLuid(original, out _));
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceGuidToLuid(renamed, out var luid));
            Assert.Equal(index, luid.NetLuidIndex);
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.ConvertInterfaceAliasToLuid("iph-g0", out _));
        }
        ns.Ip("link", "set", "iph-renamed", "name", "iph-g0");
        Assert.Equal((index, original), IndexAndGuid(ns, "iph-g0"));
    }

    [RootFact]
    public void Alias_NonAsciiAndFifteenByteNames_ConvertBothWays()
    {
        using var ns = new TestNetns();
        ns.AddVeth("iph-ü0", "iph-fifteen-ch0");

        foreach (var link in IpLink.List(ns).Where(l => l.Name != "lo"))
        {
            using var scope = ns.Enter();
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceAliasToLuid(link.Name, out var luid));
            Assert.Equal(link.Index, luid.NetLuidIndex);
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToAlias(luid, out string? alias));
            Assert.Equal(link.Name, alias);
            Assert.Equal(link.Index, NetIo.if_nametoindex(link.Name));
        }
        Assert.Contains(IpLink.List(ns), l => l.Name == "iph-ü0");
    }

    [RootFact]
    public void NameToLuid_LinuxNameThatLooksWindowsStyle_ResolvesWhenNoInterfaceHasThatWindowsName()
    {
        using var ns = new TestNetns();
        ns.AddVeth("ethernet_999", "iph-peer");
        var index = IpLink.Show(ns, "ethernet_999").Index;

        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceNameToLuidW("ethernet_999", out var luid));

        Assert.Equal(index, luid.NetLuidIndex);
        Assert.Equal(index, NetIo.if_nametoindex("ethernet_999"));
    }

    /// <summary>
    /// A Linux name equal to another interface's Windows-style name: the Windows form wins, as code
    /// ported from Windows expects (the Linux name is only a convenience).
    /// </summary>
    [RootFact]
    public void NameToLuid_LinuxNameEqualToAnotherInterfacesWindowsName_TheWindowsNameWins()
    {
        using var ns = new TestNetns();
        ns.AddVeth("iph-a", "iph-b");
        var a = IpLink.Show(ns, "iph-a").Index;
        ns.AddVeth($"ethernet_{a}", "iph-c");

        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceNameToLuidW($"ethernet_{a}", out var luid));

        Assert.Equal(a, luid.NetLuidIndex);
        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceAliasToLuid($"ethernet_{a}", out var byAlias));
        Assert.NotEqual(a, byAlias.NetLuidIndex);
    }

    /// <summary>docs/mapping.md: an ifindex above 2^24-1 does not fit NetLuidIndex: the row gets a zero LUID, conversions to a LUID or name are NotSupported.</summary>
    [RootFact]
    public void GetIfTable2_IfindexAbove24Bits_HasAZeroLuid_AndIsStillFoundByIndex()
    {
        using var ns = new TestNetns();
        ns.Ip("link", "add", "iph-big", "index", "20000000", "type", "veth", "peer", "name", "iph-big-p");
        var link = IpLink.Show(ns, "iph-big");
        Assert.Equal(20_000_000u, link.Index);

        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIfTable2(out var table));
        using (table) Assert.Equal(0UL, table!.Single(r => r.Alias == "iph-big").InterfaceLuid.Value);
        var row = new MibIfRow2 { InterfaceIndex = link.Index };
        Assert.Equal(NetIoStatus.Success, NetIo.GetIfEntry2(ref row));
        Assert.Equal("iph-big", row.Alias);
        Assert.Equal(0UL, row.InterfaceLuid.Value);
        Assert.Equal(NetIoStatus.NotSupported, NetIo.ConvertInterfaceIndexToLuid(link.Index, out var luid));
        Assert.Equal(0UL, luid.Value);
        Assert.Null(NetIo.if_indextoname(link.Index));
        Assert.Equal(NetIoStatus.NotSupported, NetIo.LastErrorDetail!.Status);
    }

    private static (uint Index, Guid Guid) IndexAndGuid(TestNetns ns, string name)
    {
        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceAliasToLuid(name, out var luid));
        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToGuid(luid, out var guid));
        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceLuidToIndex(luid, out var index));
        return (index, guid);
    }
}
