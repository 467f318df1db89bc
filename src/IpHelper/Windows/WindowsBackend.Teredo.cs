namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    /// <summary>GetTeredoPort: the UDP port of the Teredo client; NotReady when Teredo is not running.</summary>
    public static NetIoStatus GetTeredoPort(out ushort port)
    {
        port = 0;
        if (!IsAvailable(nameof(IpHlpApi.GetTeredoPort), out var missing)) return missing;
        return Check(IpHlpApi.GetTeredoPort(out port), nameof(IpHlpApi.GetTeredoPort));
    }
}
