using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Cli;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications.Mirror;

/// <summary>
/// The mirror rule through `iphelper monitor routes addresses ipinterfaces --json`: random `ip`
/// operations as in <see cref="MirrorTests"/>; a reader that applies every JSON line to the tables it
/// read once holds, at each quiet point, the keys (and metric, prefix length, MTU) of fresh
/// GetIpForwardTable2 / GetUnicastIpAddressTable / GetIpInterfaceTable; stopped with Ctrl-C (SIGINT)
/// or SIGTERM, the monitor exits 0 having printed nothing but JSON objects, one per line.
/// </summary>
public sealed class MonitorMirrorTests
{
    [RootTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void MonitorJson_MirrorEqualsFreshTables_AndStopsWithOnlyJsonLines(string signal)
    {
        var operations = MirrorTests.Operations(1_000);
        var seed = MirrorTests.Seed();
        using var ns = new TestNetns();
        var workload = new MirrorWorkload(ns, seed);
        workload.Build();
        using var scope = ns.Enter();
        var mirror = new Dictionary<string, string>();
        var lines = new List<string>();
        var violations = new List<string>();
        var initial = new CountdownEvent(3);
        using var monitor = Start(ns, line =>
        {
            lock (mirror)
            {
                lines.Add(line);
                Apply(mirror, line, initial, violations);
            }
        });
        try
        {
            Assert.True(initial.Wait(TimeSpan.FromSeconds(30)), "the monitor did not print its three MibInitialNotification lines");
            lock (mirror)
                foreach (var (key, value) in Expected())
                    mirror[key] = value;
            while (workload.Operations < operations)
            {
                var batch = workload.Step((int)Math.Min(MirrorTests.BatchSize, operations - workload.Operations));
                var deadline = DateTime.UtcNow + MirrorTests.Settle;
                List<string> differences;
                do
                {
                    Thread.Sleep(20);
                    differences = Differences(mirror, Expected());
                }
                while (differences.Count > 0 && DateTime.UtcNow < deadline);
                lock (mirror)
                    Assert.True(differences.Count == 0 && violations.Count == 0,
                        $"seed {seed}, after {workload.Operations} operations, the last batch:\n{batch}\n" + string.Join('\n', differences.Concat(violations).Take(30)));
            }
        }
        finally
        {
            Command.Run("kill", $"-{signal}", monitor.Id.ToString(CultureInfo.InvariantCulture));
            if (!monitor.WaitForExit(TimeSpan.FromSeconds(20))) monitor.Kill(entireProcessTree: true);
        }
        monitor.WaitForExit();
        Assert.Equal(0, monitor.ExitCode);
        lock (mirror)
            foreach (var line in lines)
                Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind);
    }

    private static Process Start(TestNetns ns, Action<string> onLine)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[CliProcess.DllPath, "monitor", "routes", "addresses", "ipinterfaces", "--json", "-n", ns.Name]) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start)!;
        // Every stdout line, empty ones too: an empty line is not JSON and fails the test.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) onLine(e.Data);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Apply(Dictionary<string, string> mirror, string line, CountdownEvent initial, List<string> violations)
    {
        using var document = JsonDocument.Parse(line);
        var record = document.RootElement;
        var type = record.GetProperty("NotificationType").GetString();
        if (type == "InitialNotification")
        {
            initial.Signal();
            return;
        }
        if (type == "Resync") return;
        var (key, value) = KeyOf(record.GetProperty("Table").GetString()!, record.GetProperty("Row"));
        switch (type)
        {
            case "AddInstance":
                if (!mirror.TryAdd(key, value)) violations.Add($"AddInstance of {key}, which the mirror holds");
                break;
            case "ParameterNotification":
                if (!mirror.ContainsKey(key)) violations.Add($"ParameterNotification of {key}, which the mirror does not hold");
                mirror[key] = value;
                break;
            case "DeleteInstance":
                if (!mirror.Remove(key)) violations.Add($"DeleteInstance of {key}, which the mirror does not hold");
                break;
            default:
                violations.Add($"unknown notification type {type}");
                break;
        }
    }

    private static (string Key, string Value) KeyOf(string table, JsonElement row) => table switch
    {
        "Route" => ($"Route {Luid(row)} {row.GetProperty("DestinationPrefix").GetString()} {row.GetProperty("NextHop").GetRawText()}",
            row.GetProperty("Metric").GetRawText()),
        "UnicastAddress" => ($"UnicastAddress {Luid(row)} {row.GetProperty("Address").GetString()}",
            row.GetProperty("OnLinkPrefixLength").GetRawText()),
        _ => ($"IpInterface {Luid(row)} {row.GetProperty("Family").GetString()}",
            row.GetProperty("NlMtu").GetRawText()),
    };

    /// <summary>A NET_LUID as the JSON contract writes it: a decimal string (64 bits do not fit a JSON number everywhere).</summary>
    private static string Luid(JsonElement row)
    {
        var luid = row.GetProperty("InterfaceLuid");
        return luid.ValueKind == JsonValueKind.String ? luid.GetString()! : luid.GetRawText();
    }

    /// <summary>The fresh tables in the monitor's JSON terms.</summary>
    private static Dictionary<string, string> Expected()
    {
        var expected = new Dictionary<string, string>();
        foreach (var row in Tables.Routes().Values)
            expected[$"Route {row.InterfaceLuid.Value} {row.DestinationPrefix} {(row.NextHop.Family == AddressFamily.Unspecified ? "null" : $"\"{row.NextHop}\"")}"] =
                row.Metric.ToString(CultureInfo.InvariantCulture);
        foreach (var row in Tables.Addresses().Values)
            expected[$"UnicastAddress {row.InterfaceLuid.Value} {row.Address}"] = row.OnLinkPrefixLength.ToString(CultureInfo.InvariantCulture);
        foreach (var row in Tables.IpInterfaces().Values)
            expected[$"IpInterface {row.InterfaceLuid.Value} {(row.Family == AddressFamily.InterNetwork ? "AF_INET" : "AF_INET6")}"] = row.NlMtu.ToString(CultureInfo.InvariantCulture);
        return expected;
    }

    private static List<string> Differences(Dictionary<string, string> mirror, Dictionary<string, string> expected)
    {
        lock (mirror)
        {
            var differences = new List<string>();
            foreach (var (key, value) in expected)
                if (!mirror.TryGetValue(key, out var held)) differences.Add($"{key}: in the table, not in the monitor's mirror");
                else if (held != value) differences.Add($"{key}: {held} in the monitor's mirror, {value} in the table");
            foreach (var key in mirror.Keys)
                if (!expected.ContainsKey(key)) differences.Add($"{key}: in the monitor's mirror, not in the table");
            return differences;
        }
    }
}
