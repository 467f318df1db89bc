using System.Globalization;
using System.Text;
using System.Runtime.InteropServices;

namespace IpHelper.Cli.Output;

/// <summary>
/// stdin, stdout and stderr as the CLI uses them. stdout is one buffered stream (text and JSON go
/// through it, flushed when a command ends or a monitor record is complete), so a million rows cost a
/// few hundred write calls instead of twelve per row. A stdout that cannot be written ends the
/// process at once: quietly with exit code 0 when the reader went away (EPIPE, like `ip ... | head`),
/// otherwise with one line on stderr and exit code 2. A failing stderr is ignored: there is nowhere
/// left to say so. A descriptor the shell closed (<c>&lt;&amp;-</c>, <c>2&gt;&amp;-</c>) counts as closed
/// even when the runtime has since reused its number for a file of its own. On Windows (the win-x64
/// build) only the buffering applies.
/// </summary>
internal static partial class StandardStreams
{
    private const int BufferSize = 64 * 1024;
    private const int Ebadf = 9;
    private const int Epipe = 32;
    private const int OCloexec = 0x80000;

    private static Stream? s_output;

    /// <summary>The buffered stdout that JSON writers write to; flush Console.Out first when mixing.</summary>
    public static Stream Output => s_output ?? throw new InvalidOperationException("StandardStreams.Install was not called");

    /// <summary>Replaces Console.Out and Console.Error with the streams described above.</summary>
    public static void Install()
    {
        if (!OperatingSystem.IsLinux())
        {
            // Windows (the win-x64 build): no descriptors to check; the buffering alone.
            s_output = new BufferedStream(Console.OpenStandardOutput(), BufferSize);
            Console.SetOut(new StreamWriter(s_output, new UTF8Encoding(false), BufferSize) { AutoFlush = false });
            return;
        }
        s_output = new BufferedStream(Open(1, StdoutFailed), BufferSize);
        Console.SetOut(new StreamWriter(s_output, new UTF8Encoding(false), BufferSize) { AutoFlush = false });
        Console.SetError(new StreamWriter(Open(2, _ => { }), new UTF8Encoding(false), 1024) { AutoFlush = true });
    }

    /// <summary>Writes what is still buffered for stdout (at the end of a command).</summary>
    public static void Flush()
    {
        Console.Out.Flush();
        s_output?.Flush();
    }

    /// <summary>
    /// Whether descriptor <paramref name="fd"/> is the one the shell passed: a descriptor inherited across
    /// exec never has close-on-exec, and every file the runtime opens does, so a closed stdin reused for
    /// /dev/urandom is told apart from a real one.
    /// </summary>
    public static bool IsInherited(int fd)
    {
        if (!OperatingSystem.IsLinux()) return true;
        try
        {
            foreach (var line in File.ReadLines($"/proc/self/fdinfo/{fd.ToString(CultureInfo.InvariantCulture)}"))
                if (line.StartsWith("flags:", StringComparison.Ordinal))
                    return (Convert.ToInt32(line["flags:".Length..].Trim(), 8) & OCloexec) == 0;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>stdin for `--batch -`, with a UTF-8 byte order mark skipped as it is for a file; CliException when stdin is closed.</summary>
    public static TextReader OpenInput()
    {
        if (!IsInherited(0)) throw new CliException("stdin is closed: nothing to read for '-'");
        return new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
    }

    private static Stream Open(int fd, Action<int> failed) => new DescriptorStream(IsInherited(fd) ? fd : -1, failed);

    private static void StdoutFailed(int errno)
    {
        if (errno == Epipe) Environment.Exit(0);
        var reason = errno == Ebadf ? "cannot write to stdout: it is closed" : "cannot write to stdout";
        Console.Error.WriteLine($"iphelper: {new NetIoErrorDetail(NetIoStatus.GenFailure, errno, null, null, reason)}");
        Environment.Exit(CommandRunner.ExitUsage);
    }

    /// <summary>
    /// Writes straight to a descriptor with write(2), at the file's shared offset (so `&gt;&gt; log` and two
    /// writers of one file behave as with any tool), hands the first error's errno to a handler and then
    /// swallows everything. Console's own stream would hide EPIPE, and FileStream writes at a private offset.
    /// </summary>
    private sealed partial class DescriptorStream(int fd, Action<int> failed) : Stream
    {
        private const int Eintr = 4;
        private const int Eagain = 11;

        private bool _broken;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (fd < 0) Fail(Ebadf);
            while (!_broken && buffer.Length > 0)
            {
                var written = write(fd, ref MemoryMarshal.GetReference(buffer), buffer.Length);
                if (written >= 0)
                {
                    buffer = buffer[(int)written..];
                    continue;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Eagain) Thread.Sleep(1);
                else if (errno != Eintr) Fail(errno);
            }
        }

        private void Fail(int errno)
        {
            if (_broken) return;
            _broken = true;
            failed(errno);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        [LibraryImport("libc", SetLastError = true)]
        private static partial nint write(int fd, ref byte buffer, nint count);
    }
}
