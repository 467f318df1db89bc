namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// FreeMibTable: releases a table returned by a Get*Table function, returning its rows to the
    /// pool; the same as <see cref="MibTable{TRow}.Dispose"/>. A null table is ignored, and so is a
    /// table already freed. Spans and references taken from the table must not be used afterwards.
    /// </summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="table">The table, or null.</param>
    public static void FreeMibTable<TRow>(MibTable<TRow>? table) where TRow : struct => table?.Dispose();
}
