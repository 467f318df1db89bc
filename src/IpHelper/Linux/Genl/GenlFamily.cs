using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Genl;

/// <summary>Finds the id of a generic-netlink family by name (CTRL_CMD_GETFAMILY), which is how every genl family is addressed.</summary>
internal static class GenlFamily
{
    /// <summary>
    /// The id of <paramref name="name"/>, or 0 with the kernel's error (ENOENT when the kernel has no
    /// such family, for example a module that is not loaded).
    /// </summary>
    public static NetlinkError Resolve(NetlinkSocket socket, string name, out ushort familyId)
    {
        using var request = new NetlinkMessageWriter();
        request.BeginMessage(GenlConstants.GENL_ID_CTRL, 0);
        ref var header = ref request.Header<GenlMsgHdr>();
        header.Command = GenlConstants.CTRL_CMD_GETFAMILY;
        header.Version = 1;
        request.PutString(GenlConstants.CTRL_ATTR_FAMILY_NAME, name);
        request.EndMessage();
        var reader = new FamilyIdReader();
        var error = socket.Execute(request, ref reader);
        familyId = error.Failed ? (ushort)0 : reader.Id;
        if (!error.Failed && familyId == 0) return new NetlinkError(Errno.EBADMSG, $"the controller's answer for '{name}' has no family id");
        return error;
    }

    private struct FamilyIdReader : INetlinkReplyHandler
    {
        public ushort Id;

        public void OnMessage(in NetlinkMessage message)
        {
            if (message.Type != GenlConstants.GENL_ID_CTRL || !message.TryReadHeader(out GenlMsgHdr header)
                || header.Command != GenlConstants.CTRL_CMD_NEWFAMILY)
                return;
            foreach (var attribute in message.Attributes(System.Runtime.CompilerServices.Unsafe.SizeOf<GenlMsgHdr>()))
                if (attribute.Type == GenlConstants.CTRL_ATTR_FAMILY_ID && attribute.TryGetU16(out var id)) Id = id;
        }

        public readonly void OnRestart() { }
    }
}
