using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// Per-device driver facts through the SIOCETHTOOL ioctl, issued on a netlink socket so that it
/// reaches the devices of that socket's namespace (/sys/class/net only shows the namespace that
/// mounted /sys).
/// </summary>
internal static partial class Ethtool
{
    private const uint ETHTOOL_GSET = 1, ETHTOOL_GDRVINFO = 3;
    private const int CmdSize = 44, DrvInfoSize = 196;

    /// <summary>The link speed in bits per second, or null when the driver reports none or an unknown one.</summary>
    public static unsafe ulong? GetSpeed(NetlinkSocket socket, ReadOnlySpan<byte> deviceName)
    {
        Span<byte> command = stackalloc byte[CmdSize];
        command.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(command, ETHTOOL_GSET);
        if (!Call(socket, deviceName, command)) return null;
        var speed = BinaryPrimitives.ReadUInt16LittleEndian(command[12..]) | (uint)BinaryPrimitives.ReadUInt16LittleEndian(command[28..]) << 16;
        // SPEED_UNKNOWN is (u32)-1; 0 means the driver has no speed either.
        return speed is 0 or uint.MaxValue ? null : speed * 1_000_000UL;
    }

    /// <summary>The driver name (ethtool -i), or null when the device answers no driver information.</summary>
    public static string? GetDriver(NetlinkSocket socket, ReadOnlySpan<byte> deviceName)
    {
        Span<byte> info = stackalloc byte[DrvInfoSize];
        info.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(info, ETHTOOL_GDRVINFO);
        if (!Call(socket, deviceName, info)) return null;
        var driver = info.Slice(4, 32);
        var end = driver.IndexOf((byte)0);
        var text = Encoding.UTF8.GetString(end < 0 ? driver : driver[..end]);
        return text.Length == 0 ? null : text;
    }

    private static unsafe bool Call(NetlinkSocket socket, ReadOnlySpan<byte> deviceName, Span<byte> data)
    {
        if (deviceName.IsEmpty || deviceName.Length >= 16) return false;
        var request = new Interop.IfReqData();
        deviceName.CopyTo(request.Name);
        fixed (byte* p = data)
        {
            request.Data = p;
            return Interop.ioctl(socket.Handle, Interop.SIOCETHTOOL, &request) == 0;
        }
    }
}
