namespace IpHelper.Linux.Netlink;

/// <summary>Receives the one reply message of each request of a <see cref="NetlinkSocket.Query{THandler}"/>.</summary>
internal interface INetlinkQueryHandler
{
    /// <summary>The reply to the request at <paramref name="request"/> (its index in the request writer).</summary>
    void OnMessage(int request, in NetlinkMessage message);
}
