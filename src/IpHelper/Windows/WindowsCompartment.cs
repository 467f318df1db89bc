namespace IpHelper.Windows;

/// <summary>
/// A network compartment, Windows' counterpart of a network namespace, entered per call: the calling thread
/// is moved into it (SetCurrentThreadCompartmentId) and back afterwards. Compartments are not reference
/// counted by applications (the system owns them), so the scope's context has nothing to release.
/// </summary>
internal sealed class WindowsCompartment : INetIoContext
{
    private WindowsCompartment(uint id, WindowsBackend backend)
    {
        Id = id;
        Backend = new CompartmentBackend(backend, this);
    }

    /// <summary>The compartment ID (1 is the default compartment).</summary>
    public uint Id { get; }

    public INetIoBackend Backend { get; }

    public ulong Inode => Id;

    /// <summary>
    /// The compartment <paramref name="id"/>, after checking that the calling thread can enter it (and
    /// moving it back): NotSupported without the exports, the Windows error for an unknown compartment.
    /// </summary>
    public static BackendResult Open(WindowsBackend backend, uint id, out WindowsCompartment? compartment)
    {
        compartment = null;
        var probe = new WindowsCompartment(id, backend);
        if (!probe.TryEnter(out var previous, out var refused)) return refused;
        probe.Leave(previous);
        compartment = probe;
        return BackendResult.Success;
    }

    /// <summary>Moves the calling thread into the compartment; <paramref name="previous"/> is where it was.</summary>
    public bool TryEnter(out uint previous, out BackendResult refused)
    {
        refused = WindowsBackend.GetCurrentThreadCompartmentId(out previous);
        if (refused != NetIoStatus.Success) return false;
        if (previous == Id) return true;
        refused = WindowsBackend.SetCurrentThreadCompartmentId(Id);
        return refused == NetIoStatus.Success;
    }

    /// <summary>Moves the calling thread back to <paramref name="previous"/>.</summary>
    public void Leave(uint previous)
    {
        if (previous != Id) WindowsBackend.SetCurrentThreadCompartmentId(previous);
    }

    public void Dispose() { }
}
