using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetTeredoPort(USHORT*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetTeredoPort))]
    internal static partial uint GetTeredoPort(out ushort port);
}
