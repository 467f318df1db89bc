using System.Buffers.Binary;
using System.Globalization;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Bench.Routes;

/// <summary>
/// The user-space half of GetIpForwardTable2 alone, for profiling on a loaded machine: runs inside a
/// namespace, captures the messages of one IPv4 dump of the main and local tables (what
/// GetIpForwardTable2(AF_INET) receives), then decodes them into rows ITERATIONS times with the
/// library's own row mapper, without the kernel. Prints <c>count=ROWS cpu_ms=MEDIAN ns_per_row=N</c> (thread CPU time, so a loaded machine inflates it little).
/// Profile it with <c>DOTNET_PerfMapEnabled=1 perf record</c>; <c>DOTNET_JitDisasm=NAME</c> shows the code of a hot frame.
/// </summary>
internal static class RouteDecodeChild
{
    public const string Name = "routes:decode";

    public static int Run(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        using var socket = NetlinkSocket.Open();
        RouteInterfaceMap.LoadAll(socket, metrics: null, out var interfaces).ThrowIfFailed("RTM_GETLINK dump");
        var capture = new Capture { Datagrams = [] };
        using var request = new NetlinkMessageWriter();
        foreach (var table in RouteTableSelection.Default.DumpTables)
        {
            request.Clear();
            RouteRequest.Dump(request, RouteConstants.AF_INET, table, 0);
            socket.Dump(request, ref capture).ThrowIfFailed("RTM_GETROUTE dump");
        }
        capture.Flush();
        var count = 0;
        var times = new List<double>();
        for (var i = 0; i < Math.Max(iterations, 1) + (iterations > 1 ? 3 : 0); i++)
        {
            var start = Infrastructure.ThreadCpu.Milliseconds();
            count = Decode(capture.Datagrams, interfaces, count);
            if (iterations <= 1 || i >= 3) times.Add(Infrastructure.ThreadCpu.Milliseconds() - start);
        }
        var median = Infrastructure.Report.Median(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"count={count} cpu_ms={median:0.000} ns_per_row={median * 1e6 / count:0.0}"));
        return 0;
    }

    private static int Decode(List<byte[]> datagrams, RouteInterfaceMap interfaces, int lastCount)
    {
        using var rows = new MibTableBuilder<MibIpForwardRow2>(Math.Max(lastCount, 1024));
        var unresolved = 0;
        foreach (var datagram in datagrams)
        {
            var messages = new NetlinkMessageEnumerator(datagram);
            while (messages.MoveNext())
            {
                if (!RouteRowMapper.AppendRows(messages.Current, RouteTableSelection.Default, interfaces, rows, ref unresolved))
                    throw new InvalidOperationException("malformed route message");
            }
        }
        return rows.Count;
    }

    private static void ThrowIfFailed(this NetlinkError error, string what)
    {
        if (error.Failed) throw new InvalidOperationException($"{what}: {error}");
    }

    /// <summary>Copies every reply message, header included, into datagrams of at most 32 KiB, as the kernel sends them.</summary>
    private struct Capture : INetlinkReplyHandler
    {
        public List<byte[]> Datagrams;
        private byte[]? _current;
        private int _length;

        public void OnMessage(in NetlinkMessage message)
        {
            var size = NetlinkConstants.HeaderLength + message.Payload.Length;
            var aligned = NetlinkConstants.Align(size);
            if (_current is null || _length + aligned > _current.Length)
            {
                Flush();
                _current = new byte[Math.Max(32 * 1024, aligned)];
            }
            var at = _current.AsSpan(_length);
            BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)size);
            BinaryPrimitives.WriteUInt16LittleEndian(at[4..], message.Type);
            BinaryPrimitives.WriteUInt16LittleEndian(at[6..], message.Flags);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], message.Sequence);
            BinaryPrimitives.WriteUInt32LittleEndian(at[12..], message.PortId);
            message.Payload.CopyTo(at[NetlinkConstants.HeaderLength..]);
            _length += aligned;
        }

        public void OnRestart()
        {
            Datagrams.Clear();
            _current = null;
            _length = 0;
        }

        public void Flush()
        {
            if (_current is not null && _length > 0) Datagrams.Add(_current[.._length]);
            _current = null;
            _length = 0;
        }
    }
}
