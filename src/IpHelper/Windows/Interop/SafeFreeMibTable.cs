using Microsoft.Win32.SafeHandles;

namespace IpHelper.Windows;

/// <summary>A table or list that an iphlpapi function allocated, released with FreeMibTable.</summary>
internal sealed class SafeFreeMibTable : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeFreeMibTable() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        IpHlpApi.FreeMibTable(handle);
        return true;
    }
}
