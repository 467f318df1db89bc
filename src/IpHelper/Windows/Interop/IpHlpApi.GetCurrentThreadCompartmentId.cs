using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NET_IF_COMPARTMENT_ID GetCurrentThreadCompartmentId(VOID): the network compartment of the calling thread (1 is the default compartment).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetCurrentThreadCompartmentId))]
    internal static partial uint GetCurrentThreadCompartmentId();
}
