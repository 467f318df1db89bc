using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace IpHelper.Tests.Wine;

/// <summary>
/// Writes one JSON line per probed call: its key (function and arguments), the status, the last error
/// detail when it failed, an optional value, and the rows as raw bytes (base64 of the Windows x64
/// layout), so the test reads them back into the same structs whichever backend produced them.
/// </summary>
public sealed class ProbeWriter(TextWriter output)
{
    public void Line<TRow>(string call, NetIoStatus status, ReadOnlySpan<TRow> rows, string? value = null) where TRow : unmanaged =>
        Write(call, status, status == NetIoStatus.Success ? null : NetIo.LastErrorDetail, rows, value);

    /// <summary>A line for a call made on the backend itself: the detail is the one it returned (a backend records none).</summary>
    internal void Line(string call, BackendResult result, string? value = null) => Write<byte>(call, result.Status, result.Error, [], value);

    private void Write<TRow>(string call, NetIoStatus status, NetIoErrorDetail? detail, ReadOnlySpan<TRow> rows, string? value) where TRow : unmanaged
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Call", call);
            json.WriteNumber("Status", (uint)status);
            json.WriteString("Detail", detail?.Message);
            json.WriteString("Argument", detail?.Argument);
            json.WriteString("Value", value);
            json.WriteStartArray("Rows");
            foreach (ref readonly var row in rows)
                json.WriteBase64StringValue(MemoryMarshal.AsBytes(new ReadOnlySpan<TRow>(in row)));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Flush();
    }

    public void Line<TRow>(string call, NetIoStatus status, MibTable<TRow>? table, string? value = null) where TRow : unmanaged
    {
        using (table) Line(call, status, table is null ? [] : table.AsSpan(), value);
    }

    public void Line(string call, NetIoStatus status, string? value = null) => Line<byte>(call, status, ReadOnlySpan<byte>.Empty, value);

    public void Row<TRow>(string call, NetIoStatus status, in TRow row) where TRow : unmanaged =>
        Line(call, status, status == NetIoStatus.Success ? new ReadOnlySpan<TRow>(in row) : []);
}
