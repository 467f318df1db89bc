using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Linux;

/// <summary>
/// The Windows interface metric, which Linux does not have, kept by IpHelper per namespace in
/// /run/iphelper/ifmetric-cookie-&lt;namespace cookie&gt; (one line per set metric: family, ifindex,
/// name, metric). /run is emptied at boot, like the kernel's own state. An interface with no line uses
/// the automatic metric, which on Linux is 0: the kernel adds nothing to a route's priority.
/// A line is bound to both index and name, so a new interface that reuses an index starts automatic.
/// The directory is created by the first metric set, mode 0755 (owned by the writing user, root: only
/// CAP_NET_ADMIN may set a metric); reads never create it, and a missing or unreadable directory reads
/// as "every interface automatic". One store per namespace context. The parsed file is kept until
/// <see cref="InterfaceMetricWatch"/> says a store file may have changed (no stat per use).
/// </summary>
/// <param name="cookie">The namespace's SO_NETNS_COOKIE, which is never reused while the system runs (a
/// namespace inode number is reused after the namespace is gone, and a new namespace must not inherit the
/// metrics of a deleted one); null on kernels before 5.14, where <paramref name="inode"/> names the file.</param>
/// <param name="inode">The namespace's inode number.</param>
internal sealed class InterfaceMetricStore(ulong? cookie, ulong inode)
{
    private const string Directory = "/run/iphelper";
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private static readonly object s_lock = new();
    private Kept? _kept;

    /// <summary>
    /// The metric set for the interface, or null when it uses the automatic metric (0).
    /// <paramref name="polled"/>: the caller has just polled <see cref="InterfaceMetricWatch"/>.
    /// </summary>
    public uint? Get(AddressFamily family, uint interfaceIndex, string name, bool polled = false)
    {
        foreach (var entry in Entries(polled))
            if (entry.Family == family && entry.Index == interfaceIndex && entry.Name == name) return entry.Metric;
        return null;
    }

    /// <summary>Every metric set in the namespace, read at once (for a whole table of interfaces).</summary>
    public IReadOnlyList<(AddressFamily Family, uint Index, string Name, uint Metric)> GetAll() =>
        [.. Entries(polled: false).Select(e => (e.Family, e.Index, e.Name, e.Metric))];

    /// <summary>The metric the kernel route priorities of this interface include: the set metric, or 0.</summary>
    public uint Effective(AddressFamily family, uint interfaceIndex, string name, bool polled = false) => Get(family, interfaceIndex, name, polled) ?? 0;

    /// <summary>Sets (or with null clears) the interface metric; returns 0 or the errno of the failed write.</summary>
    public int Set(AddressFamily family, uint interfaceIndex, string name, uint? metric)
    {
        // The store is the Linux backend's (UnixFileMode has no meaning elsewhere).
        if (!OperatingSystem.IsLinux()) return Errno.EOPNOTSUPP;
        var path = Path;
        lock (s_lock)
        {
            try
            {
                System.IO.Directory.CreateDirectory(Directory, DirectoryMode);
                using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var entries = Parse(new StreamReader(file, leaveOpen: true).ReadToEnd())
                    .Where(e => !(e.Family == family && e.Index == interfaceIndex))
                    .ToList();
                if (metric is { } value) entries.Add(new Entry(family, interfaceIndex, name, value));
                file.SetLength(0);
                using var writer = new StreamWriter(file);
                foreach (var e in entries)
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(e.Family == AddressFamily.InterNetwork ? "inet" : "inet6")} {e.Index} {e.Name} {e.Metric}"));
                return 0;
            }
            catch (UnauthorizedAccessException)
            {
                return Errno.EACCES;
            }
            catch (IOException e)
            {
                return e.HResult is > 0 and < 4096 ? e.HResult : Errno.EIO;
            }
        }
    }

    /// <summary>The store's file.</summary>
    internal string Path { get; } = cookie is { } known
        ? $"{Directory}/ifmetric-cookie-{known.ToString(CultureInfo.InvariantCulture)}"
        : $"{Directory}/ifmetric-{inode.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The parsed file: kept while the watch's generation stays the same, else read again.</summary>
    private List<Entry> Entries(bool polled)
    {
        var generation = InterfaceMetricWatch.Generation(polled);
        if (Volatile.Read(ref _kept) is { } kept && kept.Generation == generation) return kept.Entries;
        var entries = Read(Path);
        Volatile.Write(ref _kept, new Kept(generation, entries));
        return entries;
    }

    private static List<Entry> Read(string path)
    {
        // Most namespaces never get a metric set: avoid paying for a FileNotFoundException on every read.
        if (!File.Exists(path)) return [];
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static List<Entry> Parse(string text)
    {
        var entries = new List<Entry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length != 4
                || !uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || !uint.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var metric))
                continue;
            var family = parts[0] == "inet" ? AddressFamily.InterNetwork : parts[0] == "inet6" ? AddressFamily.InterNetworkV6 : AddressFamily.Unknown;
            if (family != AddressFamily.Unknown) entries.Add(new Entry(family, index, parts[2], metric));
        }
        return entries;
    }

    private readonly record struct Entry(AddressFamily Family, uint Index, string Name, uint Metric);

    private sealed record Kept(long Generation, List<Entry> Entries);
}
