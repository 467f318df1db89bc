namespace IpHelper.Objects;

/// <summary>What <see cref="NetRoute.Find"/> answers, like Find-NetRoute: the source address and the route.</summary>
/// <param name="Route">The routing table entry the kernel chose.</param>
/// <param name="SourceAddress">The local address the kernel would send from.</param>
public sealed record NetRouteLookup(NetRoute Route, NetIPAddress SourceAddress)
{
    /// <summary>The lookup in one line.</summary>
    public override string ToString() => $"{Route} from {SourceAddress.IPAddress}";
}
