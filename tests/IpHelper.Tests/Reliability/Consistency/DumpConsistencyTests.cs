using System.Text;
using System.Text.RegularExpressions;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Reliability.Consistency;

/// <summary>
/// Tables read while another process changes them come back consistent. The restart path itself
/// (NLM_F_DUMP_INTR seen, handler reset, dump repeated) is proven for address dumps by
/// NetlinkSocketTests.AddressDump_WhileAddressesChurn_IsRestartedOnDumpIntr_AndEachCompletedDumpIsConsistent;
/// here GetIfTable2, the public function, is read through whole churns of links.
/// </summary>
public sealed partial class DumpConsistencyTests
{
    private const int StablePairs = 8;
    private const int PairsPerRound = 10;
    private const int Rounds = 125;
    private const int ChurnGroup = 7;

    [RootFact]
    public void GetIfTable2_WhileVethPairsComeAndGo_ReturnsOnlyConsistentTables()
    {
        using var ns = new TestNetns();
        var stable = new Dictionary<string, uint> { ["lo"] = 1 };
        for (var i = 0; i < StablePairs; i++) ns.Ip("link", "add", $"st{i}", "type", "veth", "peer", "name", $"sp{i}");
        foreach (var link in ns.IpJson("link", "show").EnumerateArray())
            stable[link.GetProperty("ifname").GetString()!] = link.GetProperty("ifindex").GetUInt32();

        // Each round adds PairsPerRound veth pairs and deletes them again: 4 link changes per pair. They are
        // deleted as a device group, in one unregister, since one by one each waits for an RCU grace period.
        var churn = new StringBuilder();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < PairsPerRound; i++)
                churn.Append(System.Globalization.CultureInfo.InvariantCulture, $"link add ch{i} group {ChurnGroup} type veth peer name cp{i} group {ChurnGroup}\n");
            churn.Append(System.Globalization.CultureInfo.InvariantCulture, $"link del group {ChurnGroup}\n");
        }
        const int Changes = Rounds * PairsPerRound * 4;

        using var scope = ns.Enter();
        var sockets = TestBackend.Context.Sockets; // GetIfTable2 dumps through the namespace's pool, which counts their restarts
        var restartsBefore = sockets.DumpRestarts;
        var churning = Task.Run(() => ns.Batch(churn.ToString()), TestContext.Current.CancellationToken);

        int dumps = 0, rowsSeen = 0, boundedFailures = 0, maxChurnLinks = 0;
        while (!churning.IsCompleted || dumps == 0)
        {
            var status = NetIo.GetIfTable2(out var table);
            if (status != NetIoStatus.Success)
            {
                // The documented way out after the bounded retries: GenFailure carrying EINTR.
                Assert.True(status == NetIoStatus.GenFailure && NetIo.LastErrorDetail?.Errno == Errno.EINTR, $"dump {dumps}: {status}: {NetIo.LastErrorDetail}");
                boundedFailures++;
                continue;
            }
            using (table)
            {
                var rows = table!.AsSpan();
                var indexes = new HashSet<uint>();
                var churnLinks = 0;
                foreach (ref readonly var row in rows)
                {
                    Assert.True(indexes.Add(row.InterfaceIndex), $"dump {dumps}: ifindex {row.InterfaceIndex} twice");
                    Assert.Equal(row.InterfaceIndex, row.InterfaceLuid.NetLuidIndex);
                    if (stable.TryGetValue(row.Alias, out var index)) Assert.Equal(index, row.InterfaceIndex);
                    else if (ChurnName().IsMatch(row.Alias)) churnLinks++;
                    else Assert.Fail($"dump {dumps}: a link nobody made: '{row.Alias}' (ifindex {row.InterfaceIndex})");
                }
                Assert.Equal(stable.Count, rows.Length - churnLinks);
                maxChurnLinks = Math.Max(maxChurnLinks, churnLinks);
                rowsSeen += rows.Length;
            }
            dumps++;
        }
        churning.GetAwaiter().GetResult();
        Assert.Equal(stable.Count, ns.IpJson("link", "show").GetArrayLength());

        var line = $"GetIfTable2 under link churn: {Changes} link changes survived, {dumps} consistent dumps ({rowsSeen} rows, up to {maxChurnLinks} churning links in one), " +
            $"{(sockets.DumpRestarts - restartsBefore)} NLM_F_DUMP_INTR restarts, {boundedFailures} dumps given up after {NetlinkSocket.MaxDumpAttempts} attempts";
        ReliabilityCounts.Report(ReliabilityCounts.ChangesSurvived, Changes, line);
        ReliabilityCounts.Report(ReliabilityCounts.DumpsRetried, (sockets.DumpRestarts - restartsBefore), $"GetIfTable2 under link churn: {(sockets.DumpRestarts - restartsBefore)} dumps restarted on NLM_F_DUMP_INTR");
        Assert.True(maxChurnLinks > 0, "no dump saw the churn");
    }

    [GeneratedRegex("^c[hp][0-9]+$")]
    private static partial Regex ChurnName();
}
