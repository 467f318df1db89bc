using Microsoft.Win32.SafeHandles;

namespace IpHelper;

internal partial interface INetIoBackend
{
    /// <summary>The inode number of this backend's namespace.</summary>
    ulong NamespaceInode { get; }

    /// <summary>
    /// Opens the namespace file at <paramref name="path"/> (<paramref name="name"/>: the bare name it was
    /// given as, if any) and takes a reference to its context. FileNotFound, AccessDenied, InvalidParameter
    /// (not a network namespace) with the error detail recorded; <paramref name="argument"/> is blamed.
    /// </summary>
    BackendResult EnterNamespace(string path, string? name, string argument, out INetIoContext? context);

    /// <summary>As <see cref="EnterNamespace(string, string?, string, out INetIoContext?)"/> for an open descriptor (duplicated; the caller keeps its own).</summary>
    BackendResult EnterNamespace(SafeFileHandle descriptor, string argument, out INetIoContext? context);

    /// <summary>The inode number of the calling thread's own network namespace (outside any scope).</summary>
    BackendResult GetThreadNamespaceInode(out ulong inode);
}
