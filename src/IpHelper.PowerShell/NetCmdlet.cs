using System.Management.Automation;

namespace IpHelper.PowerShell;

/// <summary>
/// What every cmdlet of the module shares: <c>-NetNamespace</c> (the Linux extension that plays Windows'
/// compartments: the cmdlet works in that network namespace, like <c>ip -n NAME</c>), Windows' remoting and store
/// parameters (accepted where harmless, refused with a message where not), and failures as PowerShell errors.
/// Objects are gathered inside the namespace and written after leaving it, so that the next cmdlet of the pipeline
/// never runs inside a namespace it was not given; each carries a NetNamespace note property so that a
/// downstream Set- or Remove- cmdlet works in the namespace the object came from.
/// </summary>
public abstract class NetCmdlet : PSCmdlet
{
    /// <summary>The network namespace (a name under /run/netns, or a path) to work in; the process's own by default.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? NetNamespace { get; set; }

    /// <summary>Windows remoting (WinRM/DCOM): refused on Linux, where Invoke-Command -HostName (SSH) runs cmdlets remotely.</summary>
    [Parameter]
    [Alias("Session")]
    public object[]? CimSession { get; set; }

    /// <summary>Accepted and ignored: there is no CIM operation to throttle.</summary>
    [Parameter]
    public int ThrottleLimit { get; set; }

    /// <summary>Refused: use Start-ThreadJob or Start-Job around the cmdlet.</summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    /// <summary>ActiveStore (the default and the only store on Linux); PersistentStore is refused.</summary>
    [Parameter]
    [ValidateSet("ActiveStore", "PersistentStore")]
    public string? PolicyStore { get; set; }

    /// <summary>Set when a Windows-only parameter was refused: the cmdlet then does nothing.</summary>
    private bool _refused;

    /// <summary>
    /// Refuses the Windows-only parameters that would change the meaning of the call, with one non-terminating
    /// error; the cmdlet then changes and writes nothing.
    /// </summary>
    protected override void BeginProcessing()
    {
        string? refusal = CimSession is { Length: > 0 }
            ? "-CimSession is Windows remoting (WinRM); on Linux run the cmdlet on other hosts with Invoke-Command -HostName (PowerShell remoting over SSH)."
            : AsJob ? "-AsJob is not supported; run the cmdlet inside Start-ThreadJob or Start-Job."
            : PolicyStore == "PersistentStore" ? "Linux has only the active store: nothing the kernel holds survives a reboot, and persistent configuration belongs to the distribution's network tools."
            : null;
        if (refusal is null) return;
        _refused = true;
        WriteError(NetErrors.Refused(NetIoStatus.NotSupported, refusal, null));
    }

    /// <summary>Runs <see cref="Process"/> inside the namespace and writes what it produced after leaving it.</summary>
    protected sealed override void ProcessRecord()
    {
        if (_refused) return;
        var output = new List<object>();
        try
        {
            using (NetNamespace is null ? null : IpHelper.NetNamespace.Enter(NetNamespace)) Process(output.Add);
        }
        catch (NetIoException e)
        {
            WriteError(NetErrors.From(e, NetNamespace));
        }

        foreach (object item in output)
        {
            var wrapped = PSObject.AsPSObject(item);
            if (NetNamespace is not null) wrapped.Properties.Add(new PSNoteProperty("NetNamespace", NetNamespace));
            WriteObject(wrapped);
        }
    }

    /// <summary>Does the cmdlet's work for one pipeline input, inside the namespace; objects go to <paramref name="emit"/>.</summary>
    protected abstract void Process(Action<object> emit);

    /// <summary>Runs one write, turning its failure into a non-terminating error so the other inputs still run.</summary>
    protected void Try(object? target, Action action)
    {
        try
        {
            action();
        }
        catch (NetIoException e)
        {
            WriteError(NetErrors.From(e, target));
        }
    }

    /// <summary>Reports that a non-wildcard query matched nothing, as Windows does.</summary>
    protected void ReportNotFound(string className, IEnumerable<(string Name, object? Value)> query)
    {
        var parts = query.Where(static q => q.Value is not null)
            .Select(static q => $"{q.Name} = '{string.Join("', '", q.Value is System.Collections.IEnumerable e and not string ? e.Cast<object>() : [q.Value!])}'");
        WriteError(NetErrors.NotFound(className, string.Join("; ", parts)));
    }
}
