using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace IpHelper.Tests.PowerShell;

/// <summary>
/// Runs PowerShell in-process (Microsoft.PowerShell.SDK) with the module imported from the test output folder, the
/// way Import-Module loads it from its manifest (types and formats included). A script's failures come back as
/// error records, never as exceptions: a test that sees an exception from <see cref="Run"/> has found a bug.
/// </summary>
internal static class CmdletHost
{
    /// <summary>The module manifest, copied beside the tests by the project reference.</summary>
    public static string ManifestPath { get; } = Path.Combine(AppContext.BaseDirectory, "IpHelper.PowerShell.psd1");

    /// <summary>Runs <paramref name="script"/> in a fresh runspace and returns its output and errors.</summary>
    public static Result Run(string script)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(ManifestPath);
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace);
        shell.AddScript(script);
        Collection<PSObject> output = shell.Invoke();
        return new Result([.. output], [.. shell.Streams.Error]);
    }

    /// <summary>Runs <paramref name="script"/> and fails the test on any error record.</summary>
    public static IReadOnlyList<PSObject> RunClean(string script)
    {
        var result = Run(script);
        Assert.True(result.Errors.Count == 0, "errors: " + string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString())));
        return result.Output;
    }

    /// <summary>What a script wrote.</summary>
    public sealed record Result(IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors)
    {
        /// <summary>The one error record the script wrote.</summary>
        public ErrorRecord SingleError => Assert.Single(Errors);
    }
}
