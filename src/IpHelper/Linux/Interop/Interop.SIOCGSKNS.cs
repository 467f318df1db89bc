using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>
    /// ioctl(SOCKET, SIOCGSKNS): opens the network namespace of a socket and returns a new descriptor of
    /// it (O_CLOEXEC), or -1 with the errno (EPERM without CAP_NET_ADMIN over the namespace).
    /// </summary>
    internal const nuint SIOCGSKNS = 0x894C;
}
