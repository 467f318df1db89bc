using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS ResolveIpNetEntry2(PMIB_IPNET_ROW2, const SOCKADDR_INET*): the source may be null.</summary>
    [LibraryImport(Library, EntryPoint = nameof(ResolveIpNetEntry2))]
    internal static unsafe partial uint ResolveIpNetEntry2(MibIpNetRow2* row, SockAddrInet* sourceAddress);
}
