namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// The matrix's namespace, built on first use (so a run without root builds nothing), and the count
/// of rows tried, reported when the class is done.
/// </summary>
public sealed class BadInputFixture : IDisposable
{
    private readonly Lazy<BadInputLab> _lab;
    private string? _state;
    private readonly HashSet<string> _functions = [];
    private int _tried, _writes;

    /// <summary>Prepares the lab, to be built on first use.</summary>
    public BadInputFixture() => _lab = new(() =>
    {
        var lab = new BadInputLab();
        _state = lab.Snapshot();
        return lab;
    });

    /// <summary>The namespace the rows run in.</summary>
    public BadInputLab Lab => _lab.Value;

    /// <summary>
    /// What changed in the namespace since it was built (rows run one at a time, each leaving it as it
    /// found it), or null. After a change the new state is the reference, so one bad row does not fail the next.
    /// </summary>
    public string? Changes()
    {
        var now = Lab.Snapshot();
        var before = _state!;
        _state = now;
        return before == now ? null : Difference(before, now);
    }

    /// <summary>The JSON objects and lines only one snapshot has, so a failure shows what changed.</summary>
    private static string Difference(string before, string after)
    {
        var was = before.Split(['\n', '{']);
        var now = after.Split(['\n', '{']);
        return string.Join("\n", was.Except(now).Select(p => "- {" + p).Concat(now.Except(was).Select(p => "+ {" + p)));
    }

    /// <summary>Counts a row that ran.</summary>
    public void Tried(BadInputCase row)
    {
        lock (_functions)
        {
            _tried++;
            if (row.Writes) _writes++;
            _functions.Add(row.Function);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_tried > 0)
            ReliabilityCounts.Report(ReliabilityCounts.BadInputCases, _tried,
                $"bad-input matrix: {_tried} cases tried over {_functions.Count} public NetIo functions, {_writes} of them writes with the namespace compared before and after");
        if (_lab.IsValueCreated) _lab.Value.Dispose();
    }
}
