using System.Security.Cryptography;
using IpHelper.Linux;
using Xunit;

namespace IpHelper.Tests.Unit.Interfaces;

public sealed class Sha1Tests
{
    /// <summary>RFC 3174's test vectors "abc" and the 56-byte one (its padding needs a second block).</summary>
    [Theory]
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    public void HashData_GivesTheRfc3174Digests(string text, string expected)
    {
        Span<byte> hash = stackalloc byte[Sha1.HashSizeInBytes];

        Sha1.HashData(System.Text.Encoding.ASCII.GetBytes(text), hash);

        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    /// <summary>Every length around the block (64) and padding (56) boundaries, against the BCL's SHA1 (OpenSSL).</summary>
    [Fact]
    public void HashData_AgreesWithTheBclForEveryLengthUpTo200Bytes()
    {
        var random = new Random(1);
        Span<byte> hash = stackalloc byte[Sha1.HashSizeInBytes];
        for (var length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Sha1.HashData(data, hash);

            Assert.Equal(SHA1.HashData(data), hash.ToArray());
        }
    }
}
