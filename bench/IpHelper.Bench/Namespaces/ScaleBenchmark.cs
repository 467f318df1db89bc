using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Namespaces;

/// <summary>
/// One process, N namespaces (1,000 by default), a route and an address registration in each, and 16
/// tasks that enter random namespaces and add and delete an address and a route there. Each change
/// names its namespace in its address (2001:db8:NS+1::/48), so every callback checks that the event
/// belongs to its own namespace. Prints threads, descriptors, RSS, the kernel receive-buffer bound and
/// use, and events per second. Targets: at most 4 notification threads, at most 3 descriptors per
/// namespace, no event in the wrong callback, none missing.
/// </summary>
internal static class ScaleBenchmark
{
    private const int Tasks = 16;

    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var prefix = $"iph-scale-{Environment.ProcessId}-";
        var names = Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var baseline = Resources.Measure();
        try
        {
            var setup = Stopwatch.StartNew();
            Batch(string.Concat(names.Select(n => $"netns add {n}\n")));
            Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n => Shell.Run("ip", ["-n", n, "link", "set", "lo", "up"]));
            Console.WriteLine($"{count} namespaces made in {setup.Elapsed.TotalSeconds:0.0} s");

            var received = new long[count];
            var wrong = 0L;
            var handles = new List<NotificationHandle>();
            setup.Restart();
            for (var i = 0; i < count; i++)
            {
                var index = i;
                using (NetNamespace.Enter(names[i]))
                {
                    NetIo.NotifyUnicastIpAddressChange(AddressFamily.InterNetworkV6, (_, row, type) => Count(index, row?.Address, type), null, false,
                        out var addresses).ThrowIfFailed();
                    // The changes' own /80 routes (an address on lo brings its local and prefix routes too: not counted).
                    NetIo.NotifyRouteChange2(AddressFamily.InterNetworkV6,
                        (_, row, type) => { if (row is { DestinationPrefix.PrefixLength: 80 } r) Count(index, r.DestinationPrefix.Prefix, type); }, null, false,
                        out var routes).ThrowIfFailed();
                    handles.Add(addresses!);
                    handles.Add(routes!);
                }
            }
            Console.WriteLine($"{handles.Count} registrations in {setup.Elapsed.TotalSeconds:0.0} s");
            var registered = Resources.Measure();

            var changes = 0L;
            var stop = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
            var load = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
            {
                var random = new Random(t);
                for (var k = 0; DateTime.UtcNow < stop; k++)
                {
                    var i = random.Next(count);
                    using (NetNamespace.Enter(names[i]))
                    {
                        await Task.Yield();
                        Change(i, t, k);
                    }
                    Interlocked.Increment(ref changes);
                }
            })).ToArray();
            Task.WaitAll(workers);
            load.Stop();
            var loaded = Resources.Measure();
            var kernelBytes = KernelReceiveQueued(names);

            // Each change is 4 kernel events the registrations see: address added and deleted, route added and deleted.
            var expected = changes * 4;
            var settle = Stopwatch.StartNew();
            while (received.Sum() < expected && settle.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(100);
            var delivered = received.Sum();
            var notificationThreads = Resources.ThreadsNamed("IpHelper notifi");
            var libraryThreads = Resources.ThreadsNamed("IpHelper notifi") + Resources.ThreadsNamed("IpHelper netns");
            Console.WriteLine($"{Tasks} tasks made {changes} changes in {load.Elapsed.TotalSeconds:0.0} s in random namespaces ({changes / load.Elapsed.TotalSeconds:0} changes/s)");
            Console.WriteLine($"events: {delivered} of {expected} delivered ({delivered / (load.Elapsed + settle.Elapsed).TotalSeconds:0}/s), {Interlocked.Read(ref wrong)} in a wrong namespace's callback");
            Console.WriteLine($"before namespaces: {baseline}");
            Console.WriteLine($"registered:        {registered}");
            Console.WriteLine($"under load:        {loaded}");
            Console.WriteLine($"notification threads (the pump): {notificationThreads}; IpHelper threads in all (the pump and the namespace workers): {libraryThreads}");
            Console.WriteLine($"descriptors per namespace: {(double)(loaded.Descriptors - baseline.Descriptors) / count:0.00}");
            Console.WriteLine($"kernel receive buffers: bound {Linux.Notifications.NamespaceEvents.ReceiveBufferBytes * 2L * count >> 20} MiB ({Linux.Notifications.NamespaceEvents.ReceiveBufferBytes * 2 >> 10} KiB per namespace, SO_RCVBUF doubled by the kernel); queued after the load {kernelBytes >> 10} KiB");
            var met = libraryThreads <= 4 && delivered == expected && Interlocked.Read(ref wrong) == 0;
            // The process as a whole adds a few (the pump's eventfd, the process namespace's sockets, the runtime's own).
            const int ProcessWide = 64;
            var fdsMet = loaded.Descriptors - baseline.Descriptors <= 3 * count + ProcessWide;
            Console.WriteLine($"target (<= 4 IpHelper threads whatever the number of namespaces, every event in its own namespace's callback): {(met ? "met" : "NOT met")}");
            Console.WriteLine($"target (<= 3 descriptors per namespace, plus {ProcessWide} for the process): {(fdsMet ? "met" : "NOT met")}");
            foreach (var handle in handles) NetIo.CancelMibChangeNotify2(handle);
            return met && fdsMet ? 0 : 1;

            void Count(int index, SockAddrInet? address, MibNotificationType type)
            {
                if (address is not { } a || type is not (MibNotificationType.MibAddInstance or MibNotificationType.MibDeleteInstance)) return;
                var text = a.ToString();
                if (!text.StartsWith("2001:db8:", StringComparison.Ordinal)) return;
                if (NamespaceOf(text) == index) Interlocked.Increment(ref received[index]);
                else Interlocked.Increment(ref wrong);
            }
        }
        finally
        {
            Batch(string.Concat(names.Select(n => $"netns del {n}\n")), ignoreErrors: true);
        }
    }

    /// <summary>Adds and deletes 2001:db8:NS+1:T+1::K/128 on lo and the route 2001:db8:NS+1:T+1:K::/80 through lo.</summary>
    private static void Change(int ns, int task, int k)
    {
        // Groups are never zero, so the text form never compresses them away.
        var network = $"2001:db8:{ns + 1:x}:{task + 1:x}";
        SockAddrInet.TryParse($"{network}::{k % 0xffff + 1:x}", out var address);
        NetIo.ConvertInterfaceAliasToLuid("lo", out var lo).ThrowIfFailed();
        NetIo.InitializeUnicastIpAddressEntry(out var row);
        row.Address = address;
        row.InterfaceLuid = lo;
        row.OnLinkPrefixLength = 128;
        NetIo.CreateUnicastIpAddressEntry(row).ThrowIfFailed();
        NetIo.InitializeIpForwardEntry(out var route);
        IpAddressPrefix.TryParse($"{network}:{k % 0xffff + 1:x}::/80", out route.DestinationPrefix);
        SockAddrInet.TryParse("::", out route.NextHop);
        route.InterfaceLuid = lo;
        NetIo.CreateIpForwardEntry2(route).ThrowIfFailed();
        NetIo.DeleteIpForwardEntry2(route).ThrowIfFailed();
        NetIo.DeleteUnicastIpAddressEntry(row).ThrowIfFailed();
    }

    /// <summary>The namespace number a change's address carries (its third group).</summary>
    private static int NamespaceOf(string address) =>
        int.Parse(address.Split(':')[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture) - 1;

    /// <summary>Bytes queued in the receive buffers of this process's netlink sockets, summed over the namespaces (/proc/net/netlink Rmem).</summary>
    private static long KernelReceiveQueued(string[] names)
    {
        long total = 0;
        foreach (var name in names)
        {
            string text;
            using (NetNamespace.Enter(name)) text = ((Linux.LinuxBackend)NetIo.Backend).Context.ReadProcNet("netlink");
            foreach (var line in text.Split('\n').Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 4 && fields[2] == Environment.ProcessId.ToString(CultureInfo.InvariantCulture)) total += long.Parse(fields[4], CultureInfo.InvariantCulture);
            }
        }
        return total;
    }

    private static void Batch(string commands, bool ignoreErrors = false)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, commands);
        try
        {
            Shell.Run("ip", ignoreErrors ? ["-force", "-batch", file] : ["-batch", file]);
        }
        catch (InvalidOperationException) when (ignoreErrors)
        {
        }
        finally
        {
            File.Delete(file);
        }
    }

    private readonly record struct Resources(int Descriptors, int Threads, long RssKiB)
    {
        public static Resources Measure()
        {
            var status = File.ReadAllLines("/proc/self/status");
            long Field(string name) => long.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return new(Directory.GetFileSystemEntries("/proc/self/fd").Length, (int)Field("Threads:"), Field("VmRSS:"));
        }

        public static int ThreadsNamed(string prefix) =>
            Directory.EnumerateDirectories("/proc/self/task").Count(t =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(t, "comm")).StartsWith(prefix, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            });

        public override string ToString() => $"{Threads} threads, {Descriptors} fds, RSS {RssKiB / 1024} MiB";
    }
}
