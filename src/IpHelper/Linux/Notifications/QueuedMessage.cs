using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// One kernel notification copied out of a namespace's shared receive buffer, handed to every
/// registration of that namespace (they only read it).
/// </summary>
internal sealed class QueuedMessage(in NetlinkMessage message)
{
    private readonly ushort _type = message.Type, _flags = message.Flags;
    private readonly uint _sequence = message.Sequence, _portId = message.PortId;
    private readonly byte[] _payload = message.Payload.ToArray();

    /// <summary>The message again, over the copied payload.</summary>
    public NetlinkMessage Message => new(_type, _flags, _sequence, _portId, _payload);

    /// <summary>The bytes it keeps in memory (for the per-registration bound).</summary>
    public int Size => _payload.Length + 48;
}
