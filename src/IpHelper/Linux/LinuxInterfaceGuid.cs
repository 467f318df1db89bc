namespace IpHelper.Linux;

/// <summary>
/// Interface GUIDs on Linux: a name-based UUID (RFC 9562 version 5, SHA-1) of the interface name in
/// a fixed IpHelper namespace. The same name gives the same GUID in every namespace, after every
/// reboot and in every process; renaming an interface gives it a new GUID.
/// </summary>
internal static class LinuxInterfaceGuid
{
    /// <summary>The UUID namespace of IpHelper interface GUIDs: 6f3a1c52-9b0e-4d7a-8e21-5c4b2f9d0a13.</summary>
    private static ReadOnlySpan<byte> Namespace =>
        [0x6f, 0x3a, 0x1c, 0x52, 0x9b, 0x0e, 0x4d, 0x7a, 0x8e, 0x21, 0x5c, 0x4b, 0x2f, 0x9d, 0x0a, 0x13];

    /// <summary>The GUID of the interface whose name is <paramref name="name"/> (its bytes, as the kernel gives them).</summary>
    public static Guid FromName(ReadOnlySpan<byte> name)
    {
        Span<byte> input = stackalloc byte[16 + name.Length];
        Namespace.CopyTo(input);
        name.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[Sha1.HashSizeInBytes];
        Sha1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
