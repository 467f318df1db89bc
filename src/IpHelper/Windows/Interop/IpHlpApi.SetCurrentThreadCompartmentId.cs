using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS SetCurrentThreadCompartmentId(NET_IF_COMPARTMENT_ID): moves the calling thread into a network compartment.</summary>
    [LibraryImport(Library, EntryPoint = nameof(SetCurrentThreadCompartmentId))]
    internal static partial uint SetCurrentThreadCompartmentId(uint compartmentId);
}
