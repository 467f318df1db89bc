using System.Buffers;

namespace IpHelper.Windows;

/// <summary>
/// The backend on Windows: every operation calls the iphlpapi.dll function of the same name with the
/// caller's rows as they are (the MIB structs have the Windows x64 layout), and copies the tables
/// iphlpapi allocates into pooled arrays before releasing them with FreeMibTable. A function this
/// iphlpapi.dll does not export (Wine implements part of netioapi) fails with NotSupported and a
/// detail naming the export, never with an exception.
/// </summary>
internal sealed partial class WindowsBackend : INetIoBackend
{
    /// <summary>
    /// Where the rows start in a MIB_*_TABLE: after the ULONG NumEntries, at the rows' alignment. Every
    /// row but the interface stack rows holds a NET_LUID or a ULONG64 and is 8-aligned on x64.
    /// </summary>
    internal const int TableRowOffset = 8;

    /// <summary>Where the rows start in MIB_IFSTACK_TABLE and MIB_INVERTEDIFSTACK_TABLE (rows of two ULONGs).</summary>
    internal const int StackTableRowOffset = 4;

    /// <summary>Success, or the Windows error the function returned, with a detail naming the function.</summary>
    private static BackendResult Check(uint error, string function, string? argument = null) =>
        error == 0 ? BackendResult.Success : BackendResult.Fail((NetIoStatus)error, $"{function} returned {Describe(error)}", argument);

    /// <summary>False, with a NotSupported result naming the export, when this iphlpapi.dll lacks <paramref name="function"/>.</summary>
    private static bool IsAvailable(string function, out BackendResult status)
    {
        if (IpHlpApi.IsExported(function))
        {
            status = BackendResult.Success;
            return true;
        }
        status = BackendResult.Fail(NetIoStatus.NotSupported, $"{IpHlpApi.Library} does not export {function}", function);
        return false;
    }

    private static string Describe(uint error) =>
        Enum.IsDefined((NetIoStatus)error) ? $"{(NetIoStatus)error} ({error})" : error.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Copies the rows of the MIB_*_TABLE <paramref name="native"/> (NumEntries, then the rows at
    /// <paramref name="rowOffset"/>) into a pooled table and releases the native one.
    /// </summary>
    private static unsafe MibTable<TRow> CopyTable<TRow>(SafeFreeMibTable native, int rowOffset = TableRowOffset) where TRow : unmanaged
    {
        using (native)
        {
            var header = (byte*)native.DangerousGetHandle();
            return CopyRows(new ReadOnlySpan<TRow>(header + rowOffset, checked((int)*(uint*)header)));
        }
    }

    private static MibTable<TRow> CopyRows<TRow>(ReadOnlySpan<TRow> rows) where TRow : struct
    {
        if (rows.IsEmpty) return MibTable<TRow>.Empty();
        var array = ArrayPool<TRow>.Shared.Rent(rows.Length);
        rows.CopyTo(array);
        return new MibTable<TRow>(array, rows.Length);
    }

    /// <summary>
    /// Reads a table: the copied rows on success; on failure the recorded error, with an empty table
    /// for NotFound (what Windows returns when there is no row) and none otherwise.
    /// </summary>
    private static BackendResult ReadTable<TRow>(uint error, SafeFreeMibTable native, string function, out MibTable<TRow>? table,
        int rowOffset = TableRowOffset) where TRow : unmanaged
    {
        table = null;
        if (error != 0 || native.IsInvalid)
        {
            native.Dispose();
            if (error == (uint)NetIoStatus.NotFound) table = MibTable<TRow>.Empty();
            return Check(error == 0 ? (uint)NetIoStatus.GenFailure : error, function);
        }
        table = CopyTable<TRow>(native, rowOffset);
        return BackendResult.Success;
    }
}
