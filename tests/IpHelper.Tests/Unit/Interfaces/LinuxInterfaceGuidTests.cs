using System.Text;
using IpHelper.Linux;
using Xunit;

namespace IpHelper.Tests.Unit.Interfaces;

public sealed class LinuxInterfaceGuidTests
{
    /// <summary>
    /// Computed independently with Python:
    /// <c>uuid.uuid5(uuid.UUID("6f3a1c52-9b0e-4d7a-8e21-5c4b2f9d0a13"), name)</c> (the name as UTF-8).
    /// </summary>
    [Theory]
    [InlineData("eth0", "5181e453-9473-5ced-8ad0-0568d7cd59a9")]
    [InlineData("lo", "ee24fc9e-35ca-5457-b2a2-3b607707b7bb")]
    [InlineData("veth0", "a0281d1e-7d96-5faa-af31-897e934fed27")]
    [InlineData("wlp3s0", "af8c007a-8684-54f8-b236-171ee25b2f93")]
    [InlineData("iph-ü0", "63939aad-bc84-5822-84b7-c736dbed9926")]
    [InlineData("", "8d2e7fff-b33f-5645-b3a5-93514b935599")]
    public void FromName_IsTheRfc9562Version5UuidOfTheNameInTheIpHelperNamespace(string name, string expected)
    {
        Assert.Equal(Guid.Parse(expected), LinuxInterfaceGuid.FromName(Encoding.UTF8.GetBytes(name)));
    }

    [Theory]
    [InlineData("eth0")]
    [InlineData("veth0")]
    [InlineData("a-fifteen-chars")]
    public void FromName_HasVersion5AndTheRfcVariant(string name)
    {
        var text = LinuxInterfaceGuid.FromName(Encoding.UTF8.GetBytes(name)).ToString("D");

        // xxxxxxxx-xxxx-Vxxx-Nxxx-xxxxxxxxxxxx: V is the version, N's top two bits the variant (10).
        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
        Assert.Equal(5, LinuxInterfaceGuid.FromName(Encoding.UTF8.GetBytes(name)).Version);
    }

    [Fact]
    public void FromName_IsDeterministic_AndDiffersBetweenNames()
    {
        var names = new[] { "eth0", "eth1", "Eth0", "eth0 ", "veth0", "lo" };

        var first = names.Select(n => LinuxInterfaceGuid.FromName(Encoding.UTF8.GetBytes(n))).ToArray();
        var second = names.Select(n => LinuxInterfaceGuid.FromName(Encoding.UTF8.GetBytes(n))).ToArray();

        Assert.Equal(first, second);
        Assert.Equal(names.Length, first.Distinct().Count());
    }
}
