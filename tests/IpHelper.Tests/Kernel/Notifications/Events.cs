using System.Collections.Concurrent;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications;

/// <summary>Waiting for the callbacks a registration delivers from its own thread.</summary>
internal static class Events
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>The first event that matches, skipping the others; fails after <see cref="Wait"/>.</summary>
    public static T WaitFor<T>(BlockingCollection<T> events, Func<T, bool> match)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
            if (events.TryTake(out var item, TimeSpan.FromMilliseconds(100)) && match(item)) return item;
        Assert.Fail("the expected notification did not come");
        throw new InvalidOperationException();
    }

    /// <summary>Everything that arrives within 300 ms.</summary>
    public static List<T> Drain<T>(BlockingCollection<T> events)
    {
        Thread.Sleep(300);
        var items = new List<T>();
        while (events.TryTake(out var item)) items.Add(item);
        return items;
    }
}
