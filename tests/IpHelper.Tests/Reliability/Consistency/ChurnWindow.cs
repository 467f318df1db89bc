using System.Globalization;
using System.Text;
using Xunit;

namespace IpHelper.Tests.Reliability.Consistency;

/// <summary>
/// One stream of churn as a sliding window: step i adds object i and deletes object i − Width, so at
/// every instant the kernel holds either Width or Width + 1 consecutive objects (indexes taken modulo
/// <see cref="Modulus"/>). A dump that shows any other set, for example an old part of the table spliced
/// to a newer one, shows a state that never existed.
/// </summary>
internal sealed class ChurnWindow(string name, int modulus, Func<int, string> add, Func<int, string> delete)
{
    public const int Width = 24;

    public string Name { get; } = name;

    public int Modulus { get; } = modulus;

    /// <summary>The ip -batch lines that create the first window (objects 0 .. Width − 1).</summary>
    public void Seed(StringBuilder batch)
    {
        for (var i = 0; i < Width; i++) batch.Append(add(i)).Append('\n');
    }

    /// <summary>The ip -batch lines of step <paramref name="step"/> (from Width on): two changes.</summary>
    public void Step(StringBuilder batch, int step) =>
        batch.Append(add(step % Modulus)).Append('\n').Append(delete((step - Width) % Modulus)).Append('\n');

    /// <summary>
    /// Fails unless <paramref name="indexes"/> (no duplicates) is a window the churn passed through. With
    /// <paramref name="addedLater"/> the kernel completes an add after acknowledging it (the local route
    /// of an IPv6 address is inserted by the DAD work item), so the window may be short of its newest objects.
    /// </summary>
    public void AssertExisted(IReadOnlyCollection<int> indexes, string dump, bool addedLater = false)
    {
        Assert.True(indexes.Count is Width or Width + 1 || (addedLater && indexes.Count < Width),
            $"{dump}: {indexes.Count} objects of {Name} ({Describe(indexes)}); the kernel only ever held {Width} or {Width + 1}");
        if (indexes.Count == 0) return;
        var set = indexes.ToHashSet();
        var starts = set.Count(i => !set.Contains((i - 1 + Modulus) % Modulus));
        Assert.True(starts == 1, $"{dump}: {Name} objects {Describe(indexes)} are not consecutive: parts of two states were spliced");
    }

    private static string Describe(IEnumerable<int> indexes) =>
        string.Join(",", indexes.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
