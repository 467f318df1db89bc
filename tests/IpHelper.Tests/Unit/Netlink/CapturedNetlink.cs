using System.Text.Json;
using Xunit;

namespace IpHelper.Tests.Unit.Netlink;

/// <summary>
/// The kernel replies captured by tools/capture-netlink.py (TestData/netlink) and their manifest,
/// which was decoded independently (in Python) from the same bytes.
/// </summary>
internal static class CapturedNetlink
{
    private static readonly Lazy<JsonDocument> s_manifest = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "manifest.json"))));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "netlink");

    public static JsonElement Manifest => s_manifest.Value.RootElement;

    /// <summary>The port id the capture socket was bound to: the nlmsg_pid of every reply.</summary>
    public static uint PortId => Manifest.GetProperty("socket").GetProperty("port_id").GetUInt32();

    public static IEnumerable<JsonElement> Files => Manifest.GetProperty("files").EnumerateArray();

    public static IEnumerable<string> FileNames => Files.Select(f => f.GetProperty("file").GetString()!);

    public static JsonElement Entry(string file) =>
        Files.Single(f => f.GetProperty("file").GetString() == file);

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    /// <summary>Every .bin named by the manifest, for [MemberData].</summary>
    public static TheoryData<string> AllFiles => new(FileNames);

    /// <summary>The .bin files whose reply messages include RTM_NEWLINK.</summary>
    public static TheoryData<string> LinkFiles => new(FileNames.Where(f => f.StartsWith("link-", StringComparison.Ordinal)));

    public static byte[] FromHex(string hex) => Convert.FromHexString(hex);

    /// <summary>"02:00:00:00:00:01" for the bytes of a hardware address (empty for none).</summary>
    public static string Mac(ReadOnlySpan<byte> address) =>
        string.Join(':', address.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>An int property of the manifest that may be JSON null (then <paramref name="whenNull"/>).</summary>
    public static long IntOr(JsonElement element, string property, long whenNull) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? whenNull : element.GetProperty(property).GetInt64();

    public static string? StringOrNull(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();
}
