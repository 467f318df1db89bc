using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace IpHelper.Bench;

/// <summary>
/// Neighbour table and resolution, in a throw-away namespace: GetIpNetTable2 against `ip -j neigh show`
/// (the process and the JSON parse, what a script pays) with 10,000 IPv6 and 500 IPv4 entries, and
/// ResolveIpNetEntry2 over a veth pair. Needs root.
/// </summary>
internal static class NeighborBench
{
    private const int Ipv6Entries = 10_000;

    public static int Run()
    {
        try
        {
            return Measure();
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"neighbors: {e.Message}");
            return 1;
        }
    }

    private static int Measure()
    {
        var ns = $"iph-bench-{Environment.ProcessId}";
        var peer = ns + "-p";
        try
        {
            Ip("netns", "add", ns);
            Ip("netns", "add", peer);
            var setup = new StringBuilder();
            setup.AppendLine($"link add bn0 type veth peer name bp0 netns {peer}");
            setup.AppendLine("link set bn0 up");
            setup.AppendLine("address add 198.51.100.1/24 dev bn0");
            for (var i = 0; i < Ipv6Entries; i++)
                setup.AppendLine($"neigh add 2001:db8::{i / 256:x}:{i % 256:x} lladdr 02:00:5e:{i >> 16 & 0xff:x2}:{i >> 8 & 0xff:x2}:{i & 0xff:x2} dev bn0");
            for (var i = 0; i < 500; i++)
                setup.AppendLine($"neigh add {(i < 250 ? "192.0.2" : "203.0.113")}.{i % 250 + 2} lladdr 02:00:5e:01:{i >> 8:x2}:{i & 0xff:x2} dev bn0 nud stale");
            IpBatch(ns, setup.ToString());
            IpBatch(peer, "link set bp0 up\naddress add 198.51.100.2/24 dev bp0\n");

            int rows;
            double ours, oracle, resolve;
            using (NetNamespace.Enter(ns))
            {
                rows = CountRows();
                ours = Median(20, () => CountRows());
                oracle = Median(5, () => JsonDocument.Parse(Ip("-n", ns, "-j", "neigh", "show")).RootElement.GetArrayLength());
                resolve = Median(20, () =>
                {
                    var row = new MibIpNetRow2 { Address = SockAddrInet.FromIPAddress(IPAddress.Parse("198.51.100.2")) };
                    return NetIo.ResolveIpNetEntry2(ref row) == NetIoStatus.Success ? 1 : throw new InvalidOperationException("resolve failed");
                });
            }
            Console.WriteLine($"neighbors: GetIpNetTable2 of {rows} entries: {ours:0.0} ms; ip -j neigh show: {oracle:0.0} ms; ratio {oracle / ours:0.0}x (target: faster than ip -j: {(oracle > ours ? "met" : "NOT met")})");
            Console.WriteLine($"neighbors: ResolveIpNetEntry2 over veth (delete, NTF_USE probe, answer): {resolve:0.00} ms median of 20");
            return oracle > ours ? 0 : 1;
        }
        finally
        {
            TryIp("netns", "del", ns);
            TryIp("netns", "del", peer);
        }
    }

    private static int CountRows()
    {
        var status = NetIo.GetIpNetTable2(AddressFamily.Unspecified, out var table);
        if (status != NetIoStatus.Success) throw new InvalidOperationException($"GetIpNetTable2: {status}");
        using (table) return table!.Count;
    }

    private static double Median(int runs, Func<int> work)
    {
        var times = new double[runs];
        work();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    private static string Ip(params string[] args) => Run("ip", null, args);

    private static void IpBatch(string ns, string commands) => Run("ip", commands, "-n", ns, "-batch", "-");

    private static void TryIp(params string[] args)
    {
        try
        {
            Ip(args);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static string Run(string file, string? input, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {error.Result}");
        return output.Result;
    }
}
