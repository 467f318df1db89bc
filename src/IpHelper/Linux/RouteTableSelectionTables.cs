using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>The kernel tables a <see cref="RouteTableSelection"/> stands for.</summary>
internal static class RouteTableSelectionTables
{
    extension(RouteTableSelection selection)
    {
        /// <summary>The table new routes are written to.</summary>
        public uint WriteTable => selection.Kind == RouteTableSelection.SelectionKind.Single ? selection.Table : RouteConstants.RT_TABLE_MAIN;

        /// <summary>True when a route of <paramref name="table"/> belongs to the selection.</summary>
        public bool Includes(uint table) => selection.Kind switch
        {
            RouteTableSelection.SelectionKind.MainAndLocal => table is RouteConstants.RT_TABLE_MAIN or RouteConstants.RT_TABLE_LOCAL,
            RouteTableSelection.SelectionKind.All => true,
            _ => table == selection.Table,
        };

        /// <summary>The tables to dump one by one with a kernel table filter (0 stands for "every table").</summary>
        public uint[] DumpTables => selection.Kind switch
        {
            RouteTableSelection.SelectionKind.MainAndLocal => [RouteConstants.RT_TABLE_MAIN, RouteConstants.RT_TABLE_LOCAL],
            RouteTableSelection.SelectionKind.All => [0],
            _ => [selection.Table],
        };
    }
}
