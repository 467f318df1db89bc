using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Routes;

/// <summary>The query parameters that choose routes, shared by Get-, Set- and Remove-NetRoute.</summary>
public abstract class NetRouteQueryCommand : NetCmdlet
{
    /// <summary>Destination prefixes (wildcards allowed), e.g. 0.0.0.0/0.</summary>
    [Parameter(Position = 0, ParameterSetName = ParameterSets.Query)]
    public string[]? DestinationPrefix { get; set; }

    /// <summary>Interface aliases (Linux names, wildcards allowed).</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    [Alias("ifAlias")]
    public string[]? InterfaceAlias { get; set; }

    /// <summary>Interface indexes.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    [Alias("ifIndex")]
    public uint[]? InterfaceIndex { get; set; }

    /// <summary>Next hops (wildcards allowed); 0.0.0.0 or :: for on-link routes.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public string[]? NextHop { get; set; }

    /// <summary>IPv4, IPv6 or both.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public IPAddressFamily[]? AddressFamily { get; set; }

    /// <summary>The routes the query parameters choose; reports a not-found error when an exact query matched nothing.</summary>
    protected IReadOnlyList<NetRoute> QueryRoutes(Func<NetRoute, bool>? extra = null)
    {
        var family = AddressFamily is { Length: 1 } one ? one[0] : (IPAddressFamily?)null;
        var routes = NetRoute.Get(family).Where(r =>
            Filter.Text(DestinationPrefix, r.DestinationPrefix.ToString()) && Filter.Text(InterfaceAlias, r.InterfaceAlias)
            && Filter.Value(InterfaceIndex, r.InterfaceIndex) && Filter.Text(NextHop, r.NextHop.ToString())
            && Filter.Value(AddressFamily, r.AddressFamily) && (extra is null || extra(r))).ToList();
        if (routes.Count == 0 && (Filter.IsExact(DestinationPrefix) || Filter.IsExact(InterfaceAlias) || InterfaceIndex is not null || Filter.IsExact(NextHop)))
            ReportNotFound("MSFT_NetRoute", [("DestinationPrefix", DestinationPrefix), ("InterfaceAlias", InterfaceAlias), ("InterfaceIndex", InterfaceIndex), ("NextHop", NextHop)]);
        return routes;
    }
}
