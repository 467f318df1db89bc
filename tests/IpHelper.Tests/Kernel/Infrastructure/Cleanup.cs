using System.Runtime.ExceptionServices;

namespace IpHelper.Tests.Kernel.Infrastructure;

/// <summary>
/// Independent cleanup steps: every step runs whatever the steps before it did, and every failure is
/// reported (one rethrown as it was, several as an AggregateException), so a failing step can never
/// keep a later one (a namespace deletion, say) from running.
/// </summary>
public static class Cleanup
{
    /// <summary>Runs every step in order; then throws what failed, if anything did.</summary>
    public static void All(params Action?[] steps)
    {
        List<Exception>? failures = null;
        foreach (var step in steps)
        {
            try
            {
                step?.Invoke();
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
            }
        }

        if (failures is null) return;
        if (failures.Count == 1) ExceptionDispatchInfo.Throw(failures[0]);
        throw new AggregateException("several cleanup steps failed", failures);
    }

    /// <summary>Disposes each object in order, every one of them whatever the others do.</summary>
    public static void Dispose(params IDisposable?[] disposables) =>
        All([.. disposables.Select(static d => d is null ? null : (Action)d.Dispose)]);
}
