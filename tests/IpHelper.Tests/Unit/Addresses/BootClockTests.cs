using System.Globalization;
using IpHelper.Linux;
using Xunit;

namespace IpHelper.Tests.Unit.Addresses;

public sealed class BootClockTests
{
    [Fact]
    public void BootFileTime_IsTheKernelsBootTime()
    {
        // /proc/stat "btime": the kernel's boot time in whole seconds since the Unix epoch.
        var btime = File.ReadLines("/proc/stat").First(l => l.StartsWith("btime ", StringComparison.Ordinal));
        var boot = DateTimeOffset.FromUnixTimeSeconds(long.Parse(btime[6..], CultureInfo.InvariantCulture)).UtcDateTime;

        var ours = DateTime.FromFileTimeUtc(BootClock.BootFileTime());

        Assert.InRange(ours, boot.AddSeconds(-2), boot.AddSeconds(2));
    }

    [Fact]
    public void BootFileTime_IsRoundedToTheStampsTenMilliseconds()
    {
        Assert.Equal(0, BootClock.BootFileTime() % 100_000);
    }

    [Fact]
    public void ToFileTime_CountsHundredthsOfASecond()
    {
        Assert.Equal(BootClock.BootFileTime() + 12_345 * 100_000L, BootClock.ToFileTime(12_345));
    }
}
