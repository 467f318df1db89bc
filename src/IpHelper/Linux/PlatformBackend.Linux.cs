namespace IpHelper;

internal static partial class PlatformBackend
{
    public static partial INetIoBackend CreateLinux() => Linux.Namespaces.NamespaceContext.Process.Backend;
}
