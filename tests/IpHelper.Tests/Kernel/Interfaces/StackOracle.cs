namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>
/// The interface stack docs/mapping.md describes, from what iproute2 prints: a port is below its
/// "master"; a device is above its "link" (a name, so in this namespace) unless it is a veth, vxcan
/// or netkit (whose link is a peer, not a layer); a vxlan is above its info_data "link". Interfaces
/// with nothing above get (0, X), with nothing below (X, 0).
/// </summary>
public static class StackOracle
{
    public static List<(uint Higher, uint Lower)> Expected(IReadOnlyList<IpLink> links)
    {
        var index = links.ToDictionary(l => l.Name, l => l.Index);
        var rows = new List<(uint Higher, uint Lower)>();
        foreach (var link in links)
        {
            if (link.Master is { } master) rows.Add((index[master], link.Index));
            if (link.LowerName is { } lower && !link.LowerInOtherNamespace && link.Kind is not ("veth" or "vxcan" or "netkit"))
                rows.Add((link.Index, index[lower]));
            if (link.VxlanLowerName is { } vxlanLower) rows.Add((link.Index, index[vxlanLower]));
        }
        var relations = rows.ToList();
        foreach (var link in links)
        {
            if (!relations.Any(r => r.Lower == link.Index)) rows.Add((0, link.Index));
            if (!relations.Any(r => r.Higher == link.Index)) rows.Add((link.Index, 0));
        }
        return [.. rows.Order()];
    }
}
