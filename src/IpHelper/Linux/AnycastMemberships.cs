using System.Net.Sockets;

namespace IpHelper.Linux;

/// <summary>
/// The IPv6 anycast addresses this process added. Linux has no persistent anycast address: an anycast
/// membership (IPV6_JOIN_ANYCAST) belongs to the socket that joined it and ends when that socket is
/// closed. IpHelper keeps one UDP socket per membership, opened in the namespace of the call, until
/// DeleteAnycastIpAddressEntry closes it or the process exits (the kernel then drops it).
/// </summary>
internal static class AnycastMemberships
{
    private const int IPPROTO_IPV6 = 41;
    private const int IPV6_JOIN_ANYCAST = 27;

    private static readonly Dictionary<(ulong Namespace, int Index, UInt128 Address), Socket> s_held = [];
    private static readonly Lock s_lock = new();

    /// <summary>Joins <paramref name="address"/> (16 bytes) on interface <paramref name="index"/>; returns 0 or the errno.</summary>
    public static int Join(int index, ReadOnlySpan<byte> address)
    {
        var key = (NetNamespace.CurrentInode, index, ToUInt128(address));
        Span<byte> request = stackalloc byte[20];
        address.CopyTo(request);
        BitConverter.TryWriteBytes(request[16..], index);
        var socket = NetNamespace.Run(static () => new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp));
        try
        {
            socket.SetRawSocketOption(IPPROTO_IPV6, IPV6_JOIN_ANYCAST, request);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return e.NativeErrorCode;
        }
        lock (s_lock)
        {
            if (s_held.Remove(key, out var previous)) previous.Dispose();
            s_held[key] = socket;
        }
        return 0;
    }

    /// <summary>Leaves a membership this process holds; false when it holds none for that interface and address.</summary>
    public static bool Leave(int index, ReadOnlySpan<byte> address)
    {
        Socket? socket;
        lock (s_lock)
        {
            if (!s_held.Remove((NetNamespace.CurrentInode, index, ToUInt128(address)), out socket)) return false;
        }
        socket.Dispose();
        return true;
    }

    private static UInt128 ToUInt128(ReadOnlySpan<byte> address) => System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(address);
}
