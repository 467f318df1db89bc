using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using IpHelper;

namespace IpHelper.Bench;

/// <summary>
/// GetUnicastIpAddressTable with 2,000 IPv6 and 750 IPv4 addresses in a scratch namespace, against
/// System.Net.NetworkInformation (getifaddrs, no lifetimes or DAD state) and `ip -j address`.
/// Needs root. Prints medians, ratios and whether the target (not slower than .NET) is met.
/// </summary>
internal static class AddressTableBenchmark
{
    private const int Runs = 21;

    public static int Run()
    {
        var ns = $"iph-bench-addr-{Environment.ProcessId}";
        Shell("ip", "netns", "add", ns);
        try
        {
            var batch = new System.Text.StringBuilder();
            batch.AppendLine("link add v0 type veth peer name v1").AppendLine("link set v0 up").AppendLine("link set v1 up");
            for (var i = 1; i <= 2000; i++) batch.AppendLine($"address add 2001:db8:1::{i:x}/64 dev v0 nodad");
            foreach (var net in new[] { "192.0.2", "198.51.100", "203.0.113" })
                for (var i = 1; i <= 250; i++) batch.AppendLine($"address add {net}.{i}/24 dev v1");
            var file = Path.GetTempFileName();
            File.WriteAllText(file, batch.ToString());
            Shell("ip", "-n", ns, "-batch", file);
            File.Delete(file);

            using var scope = NetNamespace.Enter(ns);
            var count = 0;
            var ours = Median(() =>
            {
                NetIo.GetUnicastIpAddressTable(AddressFamily.Unspecified, out var table).ThrowIfFailed();
                using (table) count = table!.Count;
            });
            var dotnet = Median(() =>
            {
                // getifaddrs reads the namespace of the calling thread: run it on the scope's thread.
                ((IpHelper.Linux.LinuxBackend)NetIo.Backend).Context.Run(() => NetworkInterface.GetAllNetworkInterfaces().Sum(n => n.GetIPProperties().UnicastAddresses.Count));
            });
            var ip = Median(() => { Shell("ip", "-n", ns, "-j", "address", "show"); });

            Console.WriteLine($"unicast table, {count} addresses, median of {Runs} runs");
            Console.WriteLine($"  IpHelper GetUnicastIpAddressTable   {ours.TotalMilliseconds,8:0.00} ms");
            Console.WriteLine($"  .NET NetworkInterface (getifaddrs)  {dotnet.TotalMilliseconds,8:0.00} ms  ratio {dotnet / ours:0.0}x");
            Console.WriteLine($"  ip -j address show (process)        {ip.TotalMilliseconds,8:0.00} ms  ratio {ip / ours:0.0}x");
            var met = ours <= dotnet;
            Console.WriteLine($"  target (not slower than .NET, with lifetimes, DAD state and origins the .NET API lacks): {(met ? "met" : "NOT met")}");
            return met ? 0 : 1;
        }
        finally
        {
            Shell("ip", "netns", "del", ns);
        }
    }

    private static TimeSpan Median(Action work)
    {
        work();
        var times = new TimeSpan[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            work();
            times[i] = Stopwatch.GetElapsedTime(start);
        }
        Array.Sort(times);
        return times[Runs / 2];
    }

    private static string Shell(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: {error}");
        return output;
    }
}
