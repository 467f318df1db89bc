namespace IpHelper.Bench.Routes;

/// <summary>
/// The benchmark's routes: N IPv4 host routes 10.0.0.0/32, 10.0.0.1/32, ... via 192.0.2.254 on v0,
/// as MIB rows for IpHelper and as an <c>ip -batch</c> file. They live only in the benchmark's namespaces.
/// </summary>
internal static class RouteList
{
    public const string NextHop = "192.0.2.254";

    /// <summary>Routes number <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public static MibIpForwardRow2[] Rows(int first, int count, uint interfaceIndex)
    {
        var rows = new MibIpForwardRow2[count];
        SockAddrInet.TryParse(NextHop, out var nextHop);
        Span<byte> address = stackalloc byte[4];
        for (var i = 0; i < count; i++)
        {
            NetIo.InitializeIpForwardEntry(out rows[i]);
            Write(first + i, address);
            rows[i].DestinationPrefix = new IpAddressPrefix(SockAddrInet.FromBytes(address), 32);
            rows[i].NextHop = nextHop;
            rows[i].InterfaceIndex = interfaceIndex;
        }
        return rows;
    }

    /// <summary>An <c>ip -batch</c> file with the same routes as <see cref="Rows"/> from 0; the caller deletes it.</summary>
    public static string BatchFile(int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"iph-bench-routes-{Environment.ProcessId}.txt");
        using var writer = new StreamWriter(path);
        Span<byte> address = stackalloc byte[4];
        for (var i = 0; i < count; i++)
        {
            Write(i, address);
            writer.Write("route add 10.");
            writer.Write(address[1]);
            writer.Write('.');
            writer.Write(address[2]);
            writer.Write('.');
            writer.Write(address[3]);
            writer.Write("/32 via ");
            writer.Write(NextHop);
            writer.WriteLine(" dev v0");
        }
        return path;
    }

    /// <summary>A destination inside the table (the middle route), for GetBestRoute2.</summary>
    public static string Destination(int count)
    {
        Span<byte> address = stackalloc byte[4];
        Write(count / 2, address);
        return $"{address[0]}.{address[1]}.{address[2]}.{address[3]}";
    }

    private static void Write(int index, Span<byte> address)
    {
        address[0] = 10;
        address[1] = (byte)(index >> 16);
        address[2] = (byte)(index >> 8);
        address[3] = (byte)index;
    }

    /// <summary>Adds routes <paramref name="first"/>.. with one CreateIpForwardEntries2 batch in the namespace; returns routes per second.</summary>
    public static double Load(string namespaceName, int first, int count)
    {
        using var scope = NetNamespace.Enter(namespaceName);
        var rows = Rows(first, count, UplinkIndex());
        var results = new NetIoErrorDetail?[count];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        NetIo.CreateIpForwardEntries2(rows, results).ThrowIfFailed();
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>The index of v0 in the namespace the calling thread is in.</summary>
    public static uint UplinkIndex()
    {
        NetIo.ConvertInterfaceAliasToLuid("v0", out var luid).ThrowIfFailed();
        NetIo.ConvertInterfaceLuidToIndex(luid, out var index).ThrowIfFailed();
        return index;
    }
}
