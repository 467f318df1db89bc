using System.Buffers.Binary;
using System.Numerics;

namespace IpHelper.Linux;

/// <summary>
/// SHA-1 (RFC 3174) in managed code, for the name-based interface GUIDs only (not for security). The BCL's
/// SHA1 is OpenSSL on Linux: loading and initialising libcrypto costs a short process about 3 ms, more
/// than the command line's whole listing of a few interfaces.
/// </summary>
internal static class Sha1
{
    public const int HashSizeInBytes = 20;

    /// <summary>Writes the SHA-1 of <paramref name="source"/> to the first 20 bytes of <paramref name="destination"/>.</summary>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<uint> state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
        var whole = source.Length & ~63;
        for (var offset = 0; offset < whole; offset += 64) Compress(state, source.Slice(offset, 64));
        // The tail, the 0x80 byte and the length in bits fit in one block, or in two when the tail is 56 bytes or more.
        Span<byte> last = stackalloc byte[128];
        last.Clear();
        var tail = source[whole..];
        tail.CopyTo(last);
        last[tail.Length] = 0x80;
        var blocks = tail.Length < 56 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(last.Slice(blocks - 8), (ulong)source.Length * 8);
        for (var offset = 0; offset < blocks; offset += 64) Compress(state, last.Slice(offset, 64));
        for (var i = 0; i < 5; i++) BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(i * 4), state[i]);
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[80];
        for (var t = 0; t < 16; t++) w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(t * 4));
        for (var t = 16; t < 80; t++) w[t] = BitOperations.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        for (var t = 0; t < 20; t++) Round(ref a, ref b, ref c, ref d, ref e, ((b & c) | (~b & d)) + 0x5A827999u + w[t]);
        for (var t = 20; t < 40; t++) Round(ref a, ref b, ref c, ref d, ref e, (b ^ c ^ d) + 0x6ED9EBA1u + w[t]);
        for (var t = 40; t < 60; t++) Round(ref a, ref b, ref c, ref d, ref e, ((b & c) | (b & d) | (c & d)) + 0x8F1BBCDCu + w[t]);
        for (var t = 60; t < 80; t++) Round(ref a, ref b, ref c, ref d, ref e, (b ^ c ^ d) + 0xCA62C1D6u + w[t]);
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }

    /// <summary>One of the 80 steps; <paramref name="mixed"/> is f(b, c, d) + K + W[t].</summary>
    private static void Round(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, uint mixed)
    {
        var temp = BitOperations.RotateLeft(a, 5) + mixed + e;
        e = d;
        d = c;
        c = BitOperations.RotateLeft(b, 30);
        b = a;
        a = temp;
    }
}
