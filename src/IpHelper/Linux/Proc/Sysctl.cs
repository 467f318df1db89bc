using System.Globalization;
using IpHelper.Linux.Namespaces;

namespace IpHelper.Linux.Proc;

/// <summary>
/// Reads and writes /proc/sys/net in the namespace of a context (the file is opened by a thread in that
/// namespace, so it shows that namespace's values: reads on the calling thread, which joins the namespace
/// for the read, <see cref="NamespaceContext.RunHere"/>; writes on a worker, <see cref="NamespaceContext.Run"/>). Keys are
/// relative to /proc/sys/net, with '/' separators: "ipv6/conf/eth0/forwarding".
/// </summary>
internal static class Sysctl
{
    private const string Root = "/proc/sys/net/";

    /// <summary>The value's text without its trailing newline, or null when the key does not exist.</summary>
    public static string? Read(NamespaceContext context, string key) => context.RunHere(() => ReadHere(key));

    /// <summary>The value as an integer, or null when the key does not exist or is not a number.</summary>
    public static long? ReadInt64(NamespaceContext context, string key) => ParseInt64(Read(context, key));

    /// <summary>
    /// Several values as integers (null where the key does not exist or is not a number), read in one
    /// visit to the namespace (outside the process's own namespace, each visit is two setns).
    /// </summary>
    public static long?[] ReadInt64(NamespaceContext context, IReadOnlyList<string> keys) => context.RunHere(() =>
    {
        var values = new long?[keys.Count];
        for (var i = 0; i < values.Length; i++) values[i] = ParseInt64(ReadHere(keys[i]));
        return values;
    });

    private static string? ReadHere(string key)
    {
        try
        {
            return File.ReadAllText(Root + key).TrimEnd('\n');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static long? ParseInt64(string? text) =>
        text is not null && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// Writes a value. Returns 0 or the errno of the failure: ENOENT for a missing key, EACCES/EPERM
    /// without the privilege, EINVAL for a value the kernel refuses.
    /// </summary>
    public static int Write(NamespaceContext context, string key, string value) => context.RunHere(() =>
    {
        try
        {
            using var stream = new FileStream(Root + key, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            var bytes = System.Text.Encoding.ASCII.GetBytes(value);
            stream.Write(bytes);
            stream.Flush();
            return 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Errno.ENOENT;
        }
        catch (UnauthorizedAccessException)
        {
            return Errno.EACCES;
        }
        catch (IOException e) when (e.HResult != 0)
        {
            // On Unix, IOException.HResult carries the errno of the failed write.
            return e.HResult & 0xFFFF;
        }
    });

    /// <summary>Writes an integer value (see <see cref="Write(NamespaceContext, string, string)"/>).</summary>
    public static int Write(NamespaceContext context, string key, long value) => Write(context, key, value.ToString(CultureInfo.InvariantCulture));
}
