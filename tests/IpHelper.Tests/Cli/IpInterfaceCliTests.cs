using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.IpInterfaces;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>`iphelper ipinterface list | show | set`, run as processes, against the kernel and the JSON contract.</summary>
public sealed class IpInterfaceCliTests
{
    [RootFact]
    public void List_Json_IsEveryRow_WithTheMibFieldNamesAndContractValues()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        var rows = CliProcess.Run("ipinterface", "list", "--json", "--netns", ns.Name).Json();
        var oracle = IpInterfaceOracle.Read(ns);

        var expected = oracle.Links.Keys.SelectMany(n => new[] { ("AF_INET", System.Net.Sockets.AddressFamily.InterNetwork), ("AF_INET6", System.Net.Sockets.AddressFamily.InterNetworkV6) }
            .Where(f => oracle.HasRow(f.Item2, n)).Select(f => (f.Item1, oracle.IndexOf(n))));
        Assert.Equal(expected.Order(), rows.EnumerateArray().Select(r => (r.GetProperty("Family").GetString()!, r.GetProperty("InterfaceIndex").GetUInt32())).Order());
        foreach (var row in rows.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, row.GetProperty("InterfaceLuid").ValueKind);
            Assert.Contains(row.GetProperty("RouterDiscoveryBehavior").GetString(), new[] { "Disabled", "Enabled" });
            Assert.Contains(row.GetProperty("LinkLocalAddressBehavior").GetString(), new[] { "AlwaysOff", "AlwaysOn" });
            Assert.Equal(16, row.GetProperty("ZoneIndices").GetArrayLength());
            Assert.Equal(JsonValueKind.True, row.GetProperty("WeakHostSend").ValueKind);
            Assert.Equal(8, row.GetProperty("TransmitOffload").EnumerateObject().Count());
            var name = oracle.NameOf(row.GetProperty("InterfaceIndex").GetUInt32());
            var mtu = row.GetProperty("Family").GetString() == "AF_INET"
                ? oracle.Links[name].GetProperty("mtu").GetInt64()
                : oracle.Sysctl.Int($"net.ipv6.conf.{name}.mtu");
            Assert.Equal(mtu, row.GetProperty("NlMtu").GetInt64());
        }
    }

    [RootFact]
    public void List_Text_IsAGetNetIPInterfaceTable()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        var result = CliProcess.Run("ipinterface", "list", "--family", "ipv6", "--netns", ns.Name);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ifIndex", "InterfaceAlias", "AddressFamily", "NlMtu(Bytes)", "InterfaceMetric", "Dhcp", "ConnectionState", "PolicyStore"],
            lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var sv0 = lines.Single(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == "sv0").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["IPv6", ns.Sysctl("net.ipv6.conf.sv0.mtu"), "0", "Disabled", "Connected", "ActiveStore"], sv0[2..]);
        Assert.All(lines.Skip(2), l => Assert.Contains(" IPv6 ", l, StringComparison.Ordinal));
    }

    [RootFact]
    public void Show_PrintsBothFamilies_OrTheOneAskedFor()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        Assert.Equal(["AF_INET", "AF_INET6"], CliProcess.Run("ipinterface", "show", "sv0", "--json", "--netns", ns.Name).Json()
            .EnumerateArray().Select(r => r.GetProperty("Family").GetString()));
        var ipv6 = CliProcess.Run("ipinterface", "show", "sv0", "--family", "ipv6", "--netns", ns.Name);
        Assert.Equal(0, ipv6.ExitCode);
        Assert.Contains("AddressFamily                   : IPv6", ipv6.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(": IPv4", ipv6.Stdout, StringComparison.Ordinal);
    }

    [RootFact]
    public void Set_WritesTheFieldsGiven_AndPrintsTheRowAfter()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        try
        {
            var rows = CliProcess.Run("ipinterface", "set", "sv0", "--family", "ipv6", "--nl-mtu", "1400", "--dad-transmits", "2",
                "--forwarding-enabled", "true", "--metric", "20", "--router-discovery-behavior", "Disabled", "--json", "--netns", ns.Name).Json();

            var row = Assert.Single(rows.EnumerateArray());
            Assert.Equal(1400, row.GetProperty("NlMtu").GetInt32());
            Assert.Equal(20, row.GetProperty("Metric").GetInt32());
            Assert.False(row.GetProperty("UseAutomaticMetric").GetBoolean());
            Assert.Equal("1400", ns.Sysctl("net.ipv6.conf.sv0.mtu"));
            Assert.Equal("2", ns.Sysctl("net.ipv6.conf.sv0.dad_transmits"));
            Assert.Equal("1", ns.Sysctl("net.ipv6.conf.sv0.forwarding"));
            // accept_ra 1 is ignored on a router: router discovery is off without another write.
            Assert.Equal("Disabled", row.GetProperty("RouterDiscoveryBehavior").GetString());
            Assert.Equal("1", ns.Sysctl("net.ipv6.conf.sv0.accept_ra"));
            Assert.Equal(30u, ns.IpJson("-6", "route", "show", "2001:db8:9::/64")[0].GetProperty("metric").GetUInt32());
            Assert.Equal("0", ns.Sysctl("net.ipv4.conf.sv0.forwarding"));
        }
        finally
        {
            File.Delete(ns.MetricStoreFile);
        }
    }

    [RootFact]
    public void Set_ChangeLinuxCannotMake_FailsWithTheStatusAndReason_ChangingNothing()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        IpInterfaceSetRejectionTests.AssertUnchangedBy(ns, () =>
        {
            var result = CliProcess.Run("ipinterface", "set", "sv0", "--nl-mtu", "1400", "--weak-host-send", "false", "--netns", ns.Name);
            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith("iphelper: NotSupported (50): WeakHostSend cannot be changed on Linux", result.Stderr, StringComparison.Ordinal);
        });
    }

    [RootFact]
    public void Show_InterfaceWithoutIpv6_AsksForIpv6_IsNotFound()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        ns.SetSysctl("net.ipv6.conf.sv0.disable_ipv6", "1");
        var result = CliProcess.Run("ipinterface", "show", "sv0", "--family", "ipv6", "--netns", ns.Name);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("iphelper: NotFound (1168)", result.Stderr, StringComparison.Ordinal);
    }
}
