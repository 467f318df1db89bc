using System.Net.Sockets;
using IpHelper.Linux.Namespaces;

namespace IpHelper.Linux;

/// <summary>
/// The IPv6 anycast addresses this process added in one namespace. Linux has no persistent anycast
/// address: an anycast membership (IPV6_JOIN_ANYCAST) belongs to the socket that joined it and ends
/// when that socket is closed. IpHelper keeps one UDP socket per membership, opened in the namespace,
/// until DeleteAnycastIpAddressEntry closes it or the process exits (the kernel then drops it). Each
/// membership holds a reference to the namespace's context, so leaving the scope that added it does
/// not end it.
/// </summary>
internal sealed class AnycastMemberships(NamespaceContext context) : IDisposable
{
    private const int IPPROTO_IPV6 = 41;
    private const int IPV6_JOIN_ANYCAST = 27;

    private readonly Dictionary<(int Index, UInt128 Address), Socket> _held = [];
    private readonly Lock _lock = new();

    /// <summary>Joins <paramref name="address"/> (16 bytes) on interface <paramref name="index"/>; returns 0 or the errno.</summary>
    public int Join(int index, ReadOnlySpan<byte> address)
    {
        var key = (index, ToUInt128(address));
        Span<byte> request = stackalloc byte[20];
        address.CopyTo(request);
        BitConverter.TryWriteBytes(request[16..], index);
        var socket = context.RunHere(static () => new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp));
        try
        {
            socket.SetRawSocketOption(IPPROTO_IPV6, IPV6_JOIN_ANYCAST, request);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return e.NativeErrorCode;
        }
        lock (_lock)
        {
            if (_held.Remove(key, out var previous)) previous.Dispose();
            else context.AddReference();
            _held[key] = socket;
        }
        return 0;
    }

    /// <summary>Leaves a membership this process holds; false when it holds none for that interface and address.</summary>
    public bool Leave(int index, ReadOnlySpan<byte> address)
    {
        Socket? socket;
        lock (_lock)
        {
            if (!_held.Remove((index, ToUInt128(address)), out socket)) return false;
        }
        socket.Dispose();
        context.Release();
        return true;
    }

    /// <summary>Closes what is left (the context closes only when no membership holds it, so this finds none but in a failed start).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var socket in _held.Values) socket.Dispose();
            _held.Clear();
        }
    }

    private static UInt128 ToUInt128(ReadOnlySpan<byte> address) => System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(address);
}
