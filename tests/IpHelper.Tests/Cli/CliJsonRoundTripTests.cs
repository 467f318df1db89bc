using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>
/// Every value `--json` prints survives the tools scripts use: Debian's jq 1.6 (numbers as doubles,
/// 53 bits) reads and rewrites it unchanged, and a LUID taken from it names the interface again. The
/// namespace holds a bridge (IfType 209) and a tun device (IfType 53): both LUIDs need more than 53 bits.
/// </summary>
public sealed class CliJsonRoundTripTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private static TestNetns Lab()
    {
        if (!File.Exists("/usr/bin/jq"))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("jq is missing: .ci/install.d/jq.sh installs it");
            Assert.Skip("needs jq (apt-get install jq; .ci/install.d/jq.sh does it in CI)");
        }
        var ns = new TestNetns();
        ns.AddBridge("br0");
        ns.AddTun("tun0");
        ns.Up("br0");
        ns.AddAddress("br0", "192.0.2.1/24");
        ns.Ip("route", "add", "198.51.100.0/24", "dev", "tun0");
        return ns;
    }

    [RootTheory]
    [InlineData("interface", "list")]
    [InlineData("ipinterface", "list")]
    [InlineData("address", "list")]
    [InlineData("route", "list")]
    [InlineData("interface", "stack")]
    [InlineData("path", "list")]
    public void JsonThroughJq_IsUnchanged(string noun, string verb)
    {
        using var ns = Lab();

        var file = Path.GetTempFileName();
        try
        {
            var throughJq = CliProcess.RunShell($"set -e; $IPHELPER {noun} {verb} --json -n {ns.Name} > {file}; jq -c . {file}", s_timeout);

            Assert.True(throughJq.ExitCode == 0, throughJq.Stderr);
            var direct = File.ReadAllText(file);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(direct), JsonNode.Parse(throughJq.Stdout)),
                $"jq changed a value:\n{direct}\n---\n{throughJq.Stdout}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [RootTheory]
    [InlineData("br0", 209)]
    [InlineData("tun0", 53)]
    public void LuidAbove53Bits_FromJqBackIntoTheCli_NamesTheSameInterface(string name, ulong ifType)
    {
        using var ns = Lab();
        var index = ulong.Parse(ns.Exec("cat", $"/sys/class/net/{name}/ifindex").Trim(), CultureInfo.InvariantCulture);

        var luid = CliProcess.RunShell(
            $"$IPHELPER interface list --json -n {ns.Name} | jq -r '.[] | select(.Alias == \"{name}\") | .InterfaceLuid'", s_timeout);
        var back = CliProcess.Run("luid", luid.Stdout.Trim(), "--json", "-n", ns.Name).Json();

        Assert.True((ifType << 48 | index << 24) > 1UL << 53);
        Assert.Equal((ifType << 48 | index << 24).ToString(CultureInfo.InvariantCulture), luid.Stdout.Trim());
        var row = Assert.Single(back.EnumerateArray());
        Assert.Equal(name, row.GetProperty("InterfaceAlias").GetString());
        Assert.Equal(JsonValueKind.String, row.GetProperty("InterfaceLuid").ValueKind);
    }

    [RootFact]
    public void Every64BitField_IsADecimalString_AndSmallerFieldsAreNumbers()
    {
        using var ns = Lab();

        var interfaces = CliProcess.Run("interface", "list", "--json", "-n", ns.Name).Json();
        var ipInterfaces = CliProcess.Run("ipinterface", "list", "--json", "-n", ns.Name).Json();

        var tun = interfaces.EnumerateArray().Single(r => r.GetProperty("Alias").GetString() == "br0");
        Assert.Equal(ulong.MaxValue, tun.GetProperty("TransmitLinkSpeed").UInt64());
        foreach (var field in new[] { "InterfaceLuid", "TransmitLinkSpeed", "ReceiveLinkSpeed", "InOctets", "OutOctets", "OutQLen" })
            Assert.Equal(JsonValueKind.String, tun.GetProperty(field).ValueKind);
        Assert.Equal(JsonValueKind.Number, tun.GetProperty("Mtu").ValueKind);
        foreach (var row in ipInterfaces.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, row.GetProperty("InterfaceIdentifier").ValueKind);
            Assert.Equal(JsonValueKind.Number, row.GetProperty("InterfaceIndex").ValueKind);
        }
    }
}
