namespace IpHelper;

/// <summary>
/// Linux has many routing tables where Windows has one. Outside any scope, the route functions
/// (GetIpForwardTable2, GetIpForwardEntry2, CreateIpForwardEntry2, SetIpForwardEntry2,
/// DeleteIpForwardEntry2 and the batch functions) see the main table and the local table (where
/// the kernel keeps the host, broadcast and multicast routes that Windows also lists), and create
/// routes in the main table. <see cref="Enter(uint)"/> selects other tables for the calling thread
/// or async flow, like <see cref="NetNamespace.Enter(string)"/> selects a namespace. GetBestRoute2
/// always asks the kernel's policy routing, which decides the table itself.
/// </summary>
/// <example>
/// <code>
/// using (RouteTables.Enter(100))          // like `ip route ... table 100`
/// {
///     NetIo.CreateIpForwardEntry2(ref row); // created in table 100
/// }
/// using (RouteTables.Enter(RouteTables.All))
/// {
///     NetIo.GetIpForwardTable2(AddressFamily.Unspecified, out var table); // every table
/// }
/// </code>
/// </example>
public static class RouteTables
{
    /// <summary>RT_TABLE_UNSPEC: passed to <see cref="Enter(uint)"/>, every table is read and new routes go to main.</summary>
    public const uint All = 0;

    /// <summary>RT_TABLE_DEFAULT (253).</summary>
    public const uint Default = 253;

    /// <summary>RT_TABLE_MAIN (254): where <c>ip route</c> and IpHelper put routes by default.</summary>
    public const uint Main = 254;

    /// <summary>RT_TABLE_LOCAL (255): the kernel's host, broadcast and multicast routes.</summary>
    public const uint Local = 255;

    private static readonly AsyncLocal<RouteTableScope?> s_current = new();

    /// <summary>
    /// Makes the route functions of this thread or async flow use table <paramref name="table"/> for
    /// reading and writing (or, for <see cref="All"/>, read every table and write to main) until the
    /// returned scope is disposed. Scopes nest; disposing one restores the selection before it.
    /// </summary>
    /// <param name="table">A Linux table id (1 to 4294967295), or <see cref="All"/>.</param>
    public static RouteTableScope Enter(uint table)
    {
        var selection = table == All
            ? new RouteTableSelection(RouteTableSelection.SelectionKind.All, 0)
            : new RouteTableSelection(RouteTableSelection.SelectionKind.Single, table);
        var scope = new RouteTableScope(selection, s_current.Value);
        s_current.Value = scope;
        return scope;
    }

    /// <summary>The selection of the current flow: the innermost undisposed scope's, else main and local.</summary>
    internal static RouteTableSelection Current
    {
        get
        {
            for (var scope = s_current.Value; scope is not null; scope = scope.Previous)
                if (!scope.IsDisposed) return scope.Selection;
            return RouteTableSelection.Default;
        }
    }

    internal static void Leave(RouteTableScope scope)
    {
        if (ReferenceEquals(s_current.Value, scope)) s_current.Value = scope.Previous;
    }
}

/// <summary>A routing-table selection made with <see cref="RouteTables.Enter(uint)"/>; dispose it to restore the previous one.</summary>
public sealed class RouteTableScope : IDisposable
{
    private int _disposed;

    internal RouteTableScope(RouteTableSelection selection, RouteTableScope? previous)
    {
        Selection = selection;
        Previous = previous;
    }

    internal RouteTableSelection Selection { get; }

    internal RouteTableScope? Previous { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Ends the selection. Calling it again does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) RouteTables.Leave(this);
    }
}
