using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    internal const int EPOLL_CLOEXEC = 0x80000;
    internal const int EPOLL_CTL_ADD = 1;
    internal const int EPOLL_CTL_DEL = 2;
    internal const uint EPOLLIN = 0x1;

    /// <summary>
    /// Bytes of one struct epoll_event: the kernel packs it on x86_64 (events at 0, data at 4, 12 bytes);
    /// elsewhere the 64-bit data is aligned (at 8, 16 bytes).
    /// </summary>
    internal static readonly int EpollEventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    /// <summary>The offset of the data field in struct epoll_event.</summary>
    internal static int EpollDataOffset => EpollEventSize == 12 ? 4 : 8;

    [LibraryImport(Libc, EntryPoint = "epoll_create1", SetLastError = true)]
    internal static partial int epoll_create1(int flags);

    /// <param name="epfd">The epoll instance.</param>
    /// <param name="op">EPOLL_CTL_ADD or EPOLL_CTL_DEL.</param>
    /// <param name="fd">The descriptor added or removed.</param>
    /// <param name="evt">One struct epoll_event (<see cref="EpollEventSize"/> bytes); ignored by EPOLL_CTL_DEL.</param>
    [LibraryImport(Libc, EntryPoint = "epoll_ctl", SetLastError = true)]
    internal static unsafe partial int epoll_ctl(int epfd, int op, int fd, byte* evt);

    [LibraryImport(Libc, EntryPoint = "epoll_wait", SetLastError = true)]
    internal static unsafe partial int epoll_wait(int epfd, byte* events, int maxEvents, int timeoutMs);
}
