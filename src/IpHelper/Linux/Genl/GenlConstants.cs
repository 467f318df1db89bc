namespace IpHelper.Linux.Genl;

/// <summary>The generic-netlink controller: its fixed family id, commands and attributes (linux/genetlink.h).</summary>
internal static class GenlConstants
{
    /// <summary>GENL_ID_CTRL: the controller family, the one id that never has to be looked up.</summary>
    public const ushort GENL_ID_CTRL = 0x10;

    public const byte CTRL_CMD_NEWFAMILY = 1, CTRL_CMD_GETFAMILY = 3;

    public const ushort CTRL_ATTR_FAMILY_ID = 1, CTRL_ATTR_FAMILY_NAME = 2, CTRL_ATTR_VERSION = 3;
}
