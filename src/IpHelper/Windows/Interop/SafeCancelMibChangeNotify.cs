using Microsoft.Win32.SafeHandles;

namespace IpHelper.Windows;

/// <summary>
/// A change notification registration, released with CancelMibChangeNotify2: when that returns, no
/// callback runs and none will (a callback in progress is waited for).
/// </summary>
internal sealed class SafeCancelMibChangeNotify : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeCancelMibChangeNotify() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle() => IpHlpApi.CancelMibChangeNotify2(handle) == 0;
}
