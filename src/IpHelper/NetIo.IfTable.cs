namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Fills <paramref name="row"/> for the interface named by its InterfaceLuid or, when that is zero,
    /// its InterfaceIndex, from the kernel's link (RTM_GETLINK with IFLA_STATS64), ethtool and sysfs;
    /// docs/mapping.md gives the source of every field. InvalidParameter when both LUID and index are
    /// zero; FileNotFound when they name no interface (the row is then left as it was).
    /// </summary>
    public static NetIoStatus GetIfEntry2(ref MibIfRow2 row)
    {
        if (row.InterfaceLuid.IsUnspecified && row.InterfaceIndex == 0)
            return Fail(NetIoStatus.InvalidParameter, "neither InterfaceLuid nor InterfaceIndex is set", "InterfaceLuid");
        var status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        var filled = default(MibIfRow2);
        status = Record(Backend.GetIfEntry(identity.Index, withStatistics: true, ref filled));
        if (status == NetIoStatus.FileNotFound) return Fail(status, $"interface {identity.Alias} disappeared", "InterfaceIndex");
        if (status != NetIoStatus.Success) return status;
        row = filled;
        return Ok();
    }

    /// <summary>Every interface of the namespace, with statistics (GetIfTable2Ex with MibIfTableNormal).</summary>
    public static NetIoStatus GetIfTable2(out MibTable<MibIfRow2>? table) => GetIfTable2Ex(MibIfTableLevel.MibIfTableNormal, out table);

    /// <summary>
    /// Every interface of the namespace. MibIfTableNormal and MibIfTableRaw give the same rows on Linux
    /// (there are no NDIS filter drivers to hide); MibIfTableNormalWithoutStatistics leaves the counters
    /// zero and asks the kernel to skip them. Any other level: InvalidParameter and a null table.
    /// </summary>
    public static NetIoStatus GetIfTable2Ex(MibIfTableLevel level, out MibTable<MibIfRow2>? table)
    {
        table = null;
        if (level is not (MibIfTableLevel.MibIfTableNormal or MibIfTableLevel.MibIfTableRaw or MibIfTableLevel.MibIfTableNormalWithoutStatistics))
            return Fail(NetIoStatus.InvalidParameter, $"level {(int)level} is not a MIB_IF_TABLE_LEVEL", "Level");
        var status = Record(Backend.GetIfTable(level != MibIfTableLevel.MibIfTableNormalWithoutStatistics, out table));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// The interface stack: one row per (higher, lower) layering, from IFLA_MASTER (bridge and bond
    /// ports below their master) and IFLA_LINK / IFLA_VXLAN_LINK (macvlan, vlan, tunnels above their
    /// lower device), plus (0, X) for each interface with nothing above it and (X, 0) for each with
    /// nothing below it, as RFC 2863's ifStackTable.
    /// </summary>
    public static NetIoStatus GetIfStackTable(out MibTable<MibIfStackRow>? table)
    {
        var status = Record(Backend.GetIfStackTable(out table));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>The same relations as <see cref="GetIfStackTable"/>, lower layer first, sorted by lower then higher index.</summary>
    public static NetIoStatus GetInvertedIfStackTable(out MibTable<MibInvertedIfStackRow>? table)
    {
        table = null;
        var status = Record(Backend.GetIfStackTable(out var stack));
        if (status != NetIoStatus.Success) return status;
        using (stack)
        {
            var rows = stack!.AsSpan().ToArray();
            Array.Sort(rows, static (a, b) => a.LowerLayerInterfaceIndex != b.LowerLayerInterfaceIndex
                ? a.LowerLayerInterfaceIndex.CompareTo(b.LowerLayerInterfaceIndex)
                : a.HigherLayerInterfaceIndex.CompareTo(b.HigherLayerInterfaceIndex));
            using var builder = new MibTableBuilder<MibInvertedIfStackRow>();
            foreach (var row in rows)
            {
                ref var inverted = ref builder.Add();
                inverted.LowerLayerInterfaceIndex = row.LowerLayerInterfaceIndex;
                inverted.HigherLayerInterfaceIndex = row.HigherLayerInterfaceIndex;
            }
            table = builder.ToTable();
        }
        return Ok();
    }
}
