namespace IpHelper;

internal static partial class PlatformBackend
{
    public static partial INetIoBackend CreateWindows() => new Windows.WindowsBackend();
}
