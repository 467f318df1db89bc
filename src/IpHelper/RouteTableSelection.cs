namespace IpHelper;

/// <summary>
/// Which routing tables the route functions use (see <see cref="RouteTables"/>): by default the
/// backend's own choice (on Linux the main and local tables, with new routes going to main); or every
/// table; or one table for everything. What each selection means in kernel tables is the Linux
/// backend's business (<c>Linux/RouteTableSelectionTables.cs</c>); Windows has one table and accepts
/// the default only.
/// </summary>
internal readonly record struct RouteTableSelection(RouteTableSelection.SelectionKind Kind, uint Table)
{
    public enum SelectionKind
    {
        MainAndLocal,
        All,
        Single,
    }

    public static RouteTableSelection Default => new(SelectionKind.MainAndLocal, 0);

    public override string ToString() => Kind switch
    {
        SelectionKind.MainAndLocal => "main and local",
        SelectionKind.All => "all",
        _ => Table.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
