namespace IpHelper.Linux.Netlink;

/// <summary>Receives the reply messages of one request or dump, decoded in place from the receive buffer.</summary>
internal interface INetlinkReplyHandler
{
    /// <summary>One reply message for our request (never an NLMSG_ERROR, NLMSG_DONE or a message for someone else).</summary>
    void OnMessage(in NetlinkMessage message);

    /// <summary>The dump was interrupted (NLM_F_DUMP_INTR) and is about to be repeated: forget what was received.</summary>
    void OnRestart();
}
