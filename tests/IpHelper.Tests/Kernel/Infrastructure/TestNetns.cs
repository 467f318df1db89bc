using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace IpHelper.Tests.Kernel.Infrastructure;

/// <summary>
/// A network namespace of its own for one test: created with <c>ip netns add</c> under a unique name
/// (<c>iph-t-RANDOM-PID</c>, so tests can run in parallel), with <c>lo</c> up, and deleted on
/// <see cref="Dispose"/>. Every helper runs <c>ip -n NAME ...</c> (or <c>ip netns exec NAME ...</c>),
/// so nothing a test builds touches the host namespace. Namespaces a test forgets to dispose are
/// deleted at process exit, and those of a process that died are deleted by the next test run.
/// </summary>
public sealed partial class TestNetns : IDisposable
{
    private const string Prefix = "iph-t-";
    private const string NamedNamespaceDirectory = "/run/netns/";

    /// <summary>The networks test addresses may come from: documentation (RFC 5737, RFC 3849) and link-local.</summary>
    private static readonly IPNetwork[] s_testNetworks =
    [
        IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("fe80::/10"),
    ];

    /// <summary>Namespaces this process created and has not deleted yet.</summary>
    private static readonly ConcurrentDictionary<string, byte> s_alive = new();

    /// <summary>
    /// Held shared while a namespace is being created, exclusively by the exit handler, so that no
    /// namespace is created after (or while) the exit handler deletes them.
    /// </summary>
    private static readonly ReaderWriterLockSlim s_creation = new();

    /// <summary>Set by the exit handler: no more namespaces may be created.</summary>
    private static bool s_exiting;

    /// <summary>Link kinds probed so far, and whether the kernel has them.</summary>
    private static readonly ConcurrentDictionary<string, bool> s_linkKinds = new();

    /// <summary>
    /// SIGTERM and SIGINT end the process without raising ProcessExit; these delete the namespaces
    /// first and then let the signal take its default course. Kept referenced so they stay registered.
    /// </summary>
    private static readonly PosixSignalRegistration[] s_signals =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, static _ => DeleteAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGINT, static _ => DeleteAll()),
    ];

    static TestNetns()
    {
        AppDomain.CurrentDomain.ProcessExit += static (_, _) => DeleteAll();
        DeleteOrphans();
    }

    /// <summary>Creates the namespace and brings <c>lo</c> up.</summary>
    /// <exception cref="CommandException">The namespace could not be created (whatever was created is deleted).</exception>
    public TestNetns()
    {
        Name = $"{Prefix}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-{Environment.ProcessId}";
        s_creation.EnterReadLock();
        try
        {
            if (s_exiting) throw new InvalidOperationException("the test process is exiting");
            s_alive[Name] = 0;
            Command.Run("ip", "netns", "add", Name);
            Ip("link", "set", "lo", "up");
            Inode = ulong.Parse(Command.Run("stat", "-L", "-c", "%i", NamedNamespaceDirectory + Name).Trim(), CultureInfo.InvariantCulture);
        }
        catch
        {
            Dispose();
            throw;
        }
        finally
        {
            s_creation.ExitReadLock();
        }
    }

    /// <summary>The namespace name (its file is /run/netns/NAME).</summary>
    public string Name { get; }

    /// <summary>The namespace's inode number, read with stat(1) independently of the library.</summary>
    public ulong Inode { get; }

    /// <summary>
    /// The file where the library keeps this namespace's interface metrics: named after the namespace's
    /// SO_NETNS_COOKIE, read by a Python socket inside the namespace, independently of the library.
    /// </summary>
    public string MetricStoreFile => _metricStoreFile ??= "/run/iphelper/ifmetric-cookie-" + Exec("python3", "-c",
        "import socket, struct; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); print(struct.unpack('Q', s.getsockopt(socket.SOL_SOCKET, 71, 8))[0])").Trim();

    private string? _metricStoreFile;

    /// <summary>When the namespace was made (a little before, to be safe with file time granularity).</summary>
    private readonly DateTime _created = DateTime.UtcNow.AddSeconds(-1);

    /// <summary>
    /// The inode of the network namespace the test process runs in (that of its main thread, which
    /// no test moves): the "host" that tests must never change.
    /// </summary>
    public static ulong HostInode => LinkInode("/proc/self/ns/net");

    /// <summary>
    /// The namespace inode a /proc namespace link points to (<c>net:[INODE]</c>), for example
    /// <c>/proc/thread-self/ns/net</c> for the namespace of the calling thread.
    /// </summary>
    public static ulong LinkInode(string link)
    {
        string target = new FileInfo(link).LinkTarget ?? throw new InvalidOperationException($"{link} is not a link, or not readable");
        Match match = NamespaceLink().Match(target);
        if (!match.Success) throw new InvalidOperationException($"{link} points to '{target}', not a namespace");
        return ulong.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Enters this namespace with <see cref="NetNamespace.Enter(string)"/> and checks, before returning,
    /// that the library now targets it and not the host (see <see cref="AssertInside"/>).
    /// </summary>
    public NetNamespaceScope Enter()
    {
        NetNamespaceScope scope = NetNamespace.Enter(Name);
        try
        {
            AssertInside();
        }
        catch
        {
            scope.Dispose();
            throw;
        }

        return scope;
    }

    /// <summary>
    /// Fails unless the library currently targets this namespace, both by what it reports
    /// (<see cref="NetNamespace.CurrentInode"/>) and by where its work really runs: call it before
    /// any test writes anything, so a scope bug can never change the host.
    /// </summary>
    public void AssertInside()
    {
        ulong reported = NetNamespace.CurrentInode;
        ulong actual = TestBackend.Context.Run(static () => LinkInode("/proc/thread-self/ns/net"));
        foreach (ulong host in HostInodes())
        {
            if (reported == host || actual == host)
            {
                Assert.Fail($"the library targets a host network namespace (reported {reported}, actual {actual}, host {host}), not the test namespace {Name} ({Inode})");
            }
        }

        if (reported != Inode || actual != Inode)
        {
            Assert.Fail($"the library targets namespace {actual} (reported {reported}), not the test namespace {Name} ({Inode})");
        }
    }

    /// <summary>
    /// The namespaces of the test process and, where this process may read it (not in every sandbox),
    /// of PID 1.
    /// </summary>
    private static IEnumerable<ulong> HostInodes()
    {
        yield return HostInode;
        if (new FileInfo("/proc/1/ns/net").LinkTarget is not null) yield return LinkInode("/proc/1/ns/net");
    }

    /// <summary>Runs <c>ip -n NAME ARGS</c> and returns its output.</summary>
    public string Ip(params string[] args) => Command.Run("ip", ["-n", Name, .. args]);

    /// <summary>Runs <c>ip -n NAME -j ARGS</c> (the test oracle) and returns the parsed JSON.</summary>
    public JsonElement IpJson(params string[] args)
    {
        string output = Command.Run("ip", ["-n", Name, "-j", .. args]);
        using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "[]" : output);
        return document.RootElement.Clone();
    }

    /// <summary>Runs a program other than ip in the namespace (<c>ip netns exec NAME ARGS</c>) and returns its output.</summary>
    public string Exec(params string[] args) => Command.Run("ip", ["netns", "exec", Name, .. args]);

    /// <summary>The value of a sysctl in the namespace, for example <c>net.ipv6.conf.lo.mtu</c>.</summary>
    public string Sysctl(string key) => Exec("sysctl", "-n", key).Trim();

    /// <summary>Sets a sysctl in the namespace.</summary>
    public void SetSysctl(string key, string value) => Exec("sysctl", "-q", "-w", $"{key}={value}");

    /// <summary>Brings a link up.</summary>
    public void Up(string name) => Ip("link", "set", name, "up");

    /// <summary>Runs many ip commands in one process: <c>ip -n NAME -batch -</c> with one command per line.</summary>
    public string Batch(string commands) => Command.RunWithInput("ip", commands, ["-n", Name, "-batch", "-"]);

    /// <summary>Adds a link of any kind: <c>ip link add NAME type KIND OPTIONS</c>, and brings it up.</summary>
    public void AddLink(string name, string kind, params string[] typeOptions)
    {
        Ip(["link", "add", name, "type", kind, .. typeOptions]);
        Up(name);
    }

    /// <summary>Adds a veth pair with both ends in this namespace, both up.</summary>
    public void AddVeth(string name, string peer)
    {
        AddLink(name, "veth", "peer", "name", peer);
        Up(peer);
    }

    /// <summary>
    /// Joins this namespace to <paramref name="other"/> with a veth pair: <paramref name="name"/> here,
    /// <paramref name="otherName"/> there, both up.
    /// </summary>
    public void ConnectVeth(TestNetns other, string name, string otherName)
    {
        AddLink(name, "veth", "peer", "name", otherName, "netns", other.Name);
        other.Up(otherName);
    }

    /// <summary>Adds a bridge and enslaves <paramref name="ports"/> to it; the bridge and its ports are up.</summary>
    public void AddBridge(string name, params string[] ports)
    {
        AddLink(name, "bridge");
        foreach (string port in ports)
        {
            Ip("link", "set", port, "master", name);
            Up(port);
        }
    }

    /// <summary>Adds a macvlan on <paramref name="parent"/>, up.</summary>
    public void AddMacvlan(string name, string parent, string mode = "bridge")
    {
        Ip("link", "add", name, "link", parent, "type", "macvlan", "mode", mode);
        Up(name);
    }

    /// <summary>Adds a VXLAN with VNI <paramref name="vni"/>, optionally over <paramref name="parent"/> from <paramref name="local"/>, up.</summary>
    public void AddVxlan(string name, int vni, string? parent = null, string? local = null, int dstPort = 4789)
    {
        List<string> options = ["id", vni.ToString(CultureInfo.InvariantCulture), "dstport", dstPort.ToString(CultureInfo.InvariantCulture)];
        if (parent is not null) options.AddRange(["dev", parent]);
        if (local is not null)
        {
            CheckTestAddress(local);
            options.AddRange(["local", local]);
        }

        AddLink(name, "vxlan", [.. options]);
    }

    /// <summary>Adds a persistent tun (or, with <paramref name="mode"/> "tap", tap) device, administratively up (no carrier: no process holds it).</summary>
    public void AddTun(string name, string mode = "tun")
    {
        Ip("tuntap", "add", "dev", name, "mode", mode);
        Up(name);
    }

    /// <summary>Adds an ifb device, up.</summary>
    public void AddIfb(string name) => AddLink(name, "ifb");

    /// <summary>
    /// Adds <paramref name="prefix"/> (ADDRESS/LENGTH) to <paramref name="device"/>. Only documentation
    /// and link-local addresses are accepted.
    /// </summary>
    public void AddAddress(string device, string prefix, params string[] options)
    {
        CheckTestAddress(prefix);
        Ip(["address", "add", prefix, "dev", device, .. options]);
    }

    /// <summary>
    /// Skips the test (xunit dynamic skip) when the kernel cannot create links of <paramref name="kind"/>
    /// (dummy, vlan, vrf, bond, ... are missing on some kernels). The answer is cached per kind.
    /// </summary>
    public void SkipUnlessLinkKind(string kind)
    {
        if (!s_linkKinds.GetOrAdd(kind, static (k, ns) => ns.HasLinkKind(k), this)) Assert.Skip($"kernel has no {kind} module");
    }

    /// <summary>
    /// Deletes the namespace (and with it every link in it, and the far ends of veth pairs) and the
    /// interface-metric file the library may have written for it. The steps are independent: the namespace
    /// is deleted whatever happened to the file, and a namespace that could not be deleted stays listed, so
    /// the exit handler tries again.
    /// </summary>
    /// <exception cref="CommandException">The namespace exists but could not be deleted.</exception>
    public void Dispose()
    {
        if (!s_alive.ContainsKey(Name)) return;
        Cleanup.All(DeleteMetricStoreFile, DeleteNamespace);
    }

    /// <summary>
    /// Deletes the file in /run/iphelper named after this namespace's cookie, if any test wrote one (a file
    /// there written since the namespace was made is the sign; finding the cookie needs a process inside).
    /// </summary>
    private void DeleteMetricStoreFile()
    {
        const string directory = "/run/iphelper";
        if (_metricStoreFile is null
            && (!Directory.Exists(directory) || !Directory.EnumerateFiles(directory).Any(f => File.GetLastWriteTimeUtc(f) >= _created)))
            return;
        if (!File.Exists(NamedNamespaceDirectory + Name)) return;
        string path = MetricStoreFile;
        if (File.Exists(path)) File.Delete(path);
    }

    private void DeleteNamespace()
    {
        try
        {
            Command.Run("ip", "netns", "del", Name);
        }
        catch (CommandException) when (!File.Exists(NamedNamespaceDirectory + Name))
        {
            // Creation failed before the namespace existed: there is nothing to delete.
        }

        s_alive.TryRemove(Name, out _);
    }

    /// <summary>Throws unless the address of <paramref name="addressOrPrefix"/> is a documentation or link-local one.</summary>
    private static void CheckTestAddress(string addressOrPrefix)
    {
        string text = addressOrPrefix.Split('/')[0];
        if (!IPAddress.TryParse(text, out IPAddress? address) || !s_testNetworks.Any(network => network.Contains(address)))
        {
            throw new ArgumentException($"{addressOrPrefix} is not a documentation or link-local address", nameof(addressOrPrefix));
        }
    }

    /// <summary>Tries to create a link of <paramref name="kind"/> with no options: only a missing kind gives "Unknown device type".</summary>
    private bool HasLinkKind(string kind)
    {
        try
        {
            Ip("link", "add", "iph-probe", "type", kind);
            Ip("link", "del", "iph-probe");
            return true;
        }
        catch (CommandException e) when (e.StandardError.Contains("Unknown device type", StringComparison.Ordinal))
        {
            return false;
        }
        catch (CommandException)
        {
            // The kind exists but wants options a bare "link add" does not give (vlan, macvlan, ...).
            return true;
        }
    }

    /// <summary>At exit: waits for creations in flight, refuses new ones, and deletes every namespace still alive.</summary>
    private static void DeleteAll()
    {
        if (s_creation.TryEnterWriteLock(TimeSpan.FromSeconds(30)))
        {
            s_exiting = true;
            s_creation.ExitWriteLock();
        }

        foreach (string name in s_alive.Keys)
        {
            if (s_alive.TryRemove(name, out _)) TryDelete(name);
        }
    }

    private static void TryDelete(string name)
    {
        try
        {
            Command.Run("ip", "netns", "del", name);
        }
        catch (CommandException)
        {
            // Best effort at exit; the next run's orphan sweep tries again.
        }
    }

    /// <summary>Deletes test namespaces left by test processes that died without cleaning up.</summary>
    private static void DeleteOrphans()
    {
        if (!Directory.Exists(NamedNamespaceDirectory)) return;
        foreach (string path in Directory.EnumerateFiles(NamedNamespaceDirectory, Prefix + "*"))
        {
            Match match = OurName().Match(Path.GetFileName(path));
            if (match.Success && !Directory.Exists("/proc/" + match.Groups[1].Value)) TryDelete(match.Value);
        }
    }

    [GeneratedRegex(@"^net:\[(\d+)\]$")]
    private static partial Regex NamespaceLink();

    [GeneratedRegex(@"^iph-t-[0-9a-f]{8}-(\d+)$")]
    private static partial Regex OurName();
}
