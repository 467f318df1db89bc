using System.Runtime.InteropServices;

namespace IpHelper.Windows;

/// <summary>
/// One iphlpapi change notification registration: the handle CancelMibChangeNotify2 releases and the
/// GCHandle that carries the callback through iphlpapi's context pointer, freed once no callback can run.
/// </summary>
internal sealed class WindowsNotification : IDisposable
{
    private readonly SafeCancelMibChangeNotify _handle;
    private GCHandle _context;

    internal WindowsNotification(SafeCancelMibChangeNotify handle, GCHandle context)
    {
        _handle = handle;
        _context = context;
    }

    /// <summary>Cancels the registration (CancelMibChangeNotify2), then frees the callback's handle. Calling it again does nothing.</summary>
    public void Dispose()
    {
        lock (_handle)
        {
            if (_handle.IsClosed) return;
            _handle.Dispose();
            _context.Free();
        }
    }
}
