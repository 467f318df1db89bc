using System.Reflection;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIoStatus;

namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// Runs every row of <see cref="BadInputCases.All"/> in the lab namespace: the call returns the
/// documented status, LastErrorDetail says the same, and a write leaves the namespace as it was
/// (addresses, links, routes of every table, neighbours, anycast memberships, v0's sysctls, by
/// <c>ip -j</c> and /proc). The facts keep the matrix whole: every public NetIo function has rows,
/// and the rows and docs/errors.md agree both ways.
/// </summary>
public sealed class BadInputMatrixTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    /// <summary>
    /// Documented statuses no bad argument can provoke, with where they are proven instead. "*" is any
    /// function. Success is never a bad input's outcome (a function without failures has a Success row).
    /// </summary>
    private static readonly (string Function, NetIoStatus Status, string Reason)[] s_notProvokedHere =
    [
        ("*", AccessDenied, "needs a caller without CAP_NET_ADMIN: Reliability/Privileges runs the writes as nobody"),
        ("*", NetIoStatus.Timeout, "the kernel not answering within 10 s: NetlinkSocketTests"),
        ("*", InvalidData, "malformed kernel data: the fuzz targets and MalformedInputTests"),
        ("*", NotEnoughMemory, "the kernel out of memory (ENOMEM, ENOBUFS); the buffer rows of the conversions are in the matrix"),
        (nameof(NetIo.GetIpNetTable2), NotFound, "an empty table is no bad input: NeighborTableTests"),
        (nameof(NetIo.WatchIpInterfaceChanges), BadNetName, "the namespace deleted under the stream: Kernel/Namespaces/NamespaceLifetimeTests"),
        (nameof(NetIo.WatchRouteChanges), BadNetName, "the namespace deleted under the stream: Kernel/Namespaces/NamespaceLifetimeTests"),
        (nameof(NetIo.WatchUnicastIpAddressChanges), BadNetName, "the namespace deleted under the stream: Kernel/Namespaces/NamespaceLifetimeTests"),
        (nameof(NetIo.GetIpPathTable), NotFound, "an empty table is no bad input: the path tests"),
        (nameof(NetIo.GetIpForwardTable2), NotFound, "an empty table is no bad input: GetIpForwardTable2Tests"),
        (nameof(NetIo.GetIpForwardTable2), GenFailure, "a table changing during 16 dumps in a row: RouteAddressChurnTests"),
        (nameof(NetIo.NotifyStableUnicastIpAddressTable), IoPending, "a tentative address is no bad input: the notification tests"),
        (nameof(NetIo.ResolveIpNetEntry2), BadNetName, "an unanswered resolution takes the kernel's probes and leaves a FAILED entry: ResolveTests"),
        (nameof(NetIo.ResolveIpNetEntry2), AccessDenied, "as every write"),
        (nameof(NetIo.GetTeredoPort), NotSupported, "a kernel without IPv6"),
        (nameof(NetIo.ConvertInterfaceIndexToLuid), NotSupported, "an interface whose ifindex is above 2^24-1: the kernel allocates indexes from 1 up"),
    ];

    /// <summary>Every row, by name.</summary>
    public static TheoryData<string> Rows => new(BadInputCases.All.Select(c => c.Id));

    [RootTheory]
    [MemberData(nameof(Rows))]
    public void BadInput_ReturnsTheDocumentedStatus_AndChangesNothing(string row)
    {
        var bad = BadInputCases.Get(row);
        var lab = fixture.Lab;
        NetIoStatus status;
        NetIoErrorDetail? detail;
        using (lab.Ns.Enter())
        {
            NetIo.Ok();
            BadInputCases.t_threw = false;
            status = bad.Call(lab);
            detail = NetIo.LastErrorDetail;
        }
        fixture.Tried(bad);
        var changes = bad.Writes ? fixture.Changes() : null;

        Assert.True(bad.Expected == status, $"{row}: {status}, documented {bad.Expected} ({detail}){(changes is null ? "" : $", and it changed the namespace:\n{changes}")}");
        if (status != Success && !BadInputCases.t_threw) Assert.True(detail?.Status == status, $"{row}: LastErrorDetail is '{detail}', not a {status} detail");
        Assert.True(changes is null, $"{row} changed the namespace:\n{changes}");
    }

    [Fact]
    public void EveryPublicNetIoFunction_HasRows()
    {
        var missing = PublicFunctions().Except(BadInputCases.All.Select(c => c.Function)).Order().ToList();
        Assert.True(missing.Count == 0, $"public NetIo functions without bad-input rows: {string.Join(", ", missing)}");
    }

    [Fact]
    public void RowNames_AreUnique()
    {
        var twice = BadInputCases.All.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"rows named twice: {string.Join("; ", twice)}");
    }

    [Fact]
    public void EveryPublicNetIoFunction_HasASectionInErrorsMd()
    {
        var missing = PublicFunctions().Where(f => !ErrorsDocument.Statuses.ContainsKey(f)).Order().ToList();
        Assert.True(missing.Count == 0, $"functions without a section in docs/errors.md: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryStatusARowExpects_IsDocumentedForItsFunction()
    {
        var undocumented = BadInputCases.All
            .Where(c => c.Expected != Success && !(ErrorsDocument.Statuses.TryGetValue(c.Function, out var documented) && documented.Contains(c.Expected)))
            .Select(c => $"{c.Function} {c.Expected} ({c.Name})").Distinct().ToList();
        Assert.True(undocumented.Count == 0, $"statuses the matrix proves but docs/errors.md does not list:\n{string.Join("\n", undocumented)}");
    }

    [Fact]
    public void EveryDocumentedFailure_IsExercisedByARow_OrSaysWhyNot()
    {
        var functions = PublicFunctions().ToHashSet();
        var unexercised = new List<string>();
        foreach (var (function, statuses) in ErrorsDocument.Statuses.Where(s => functions.Contains(s.Key)))
        {
            foreach (var status in statuses.Where(s => s != Success))
            {
                if (BadInputCases.All.Any(c => c.Function == function && c.Expected == status)) continue;
                if (s_notProvokedHere.Any(n => (n.Function == function || n.Function == "*") && n.Status == status)) continue;
                unexercised.Add($"{function} {status}");
            }
        }
        Assert.True(unexercised.Count == 0, $"documented statuses no row provokes and no reason explains:\n{string.Join("\n", unexercised)}");
    }

    private static IEnumerable<string> PublicFunctions() =>
        typeof(NetIo).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .Distinct();
}
