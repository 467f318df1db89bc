using System.Globalization;

namespace IpHelper.Cli.Output;

/// <summary>Writes monitor records from several tables, one whole record at a time.</summary>
internal sealed class MonitorWriter(bool json) : IDisposable
{
    private readonly object _lock = new();
    private readonly JsonOutput? _json = json ? new JsonOutput(indented: false) : null;

    /// <summary>One record: table, notification type, and the row (JSON) or its description (log).</summary>
    public void Write(string table, string notificationType, Action<JsonOutput>? writeRow, string description)
    {
        lock (_lock)
        {
            if (_json is { } output)
            {
                var w = output.Writer;
                w.WriteStartObject();
                w.WriteString("Table", table);
                w.WriteString("NotificationType", notificationType);
                w.WritePropertyName("Row");
                if (writeRow is null) w.WriteNullValue();
                else writeRow(output);
                w.WriteEndObject();
                output.EndLine();
            }
            else
            {
                var time = DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
                Console.Out.WriteLine($"{time} {table,-20} {notificationType,-22} {description}");
                Console.Out.Flush();
            }
        }
    }

    public void Dispose() => _json?.Dispose();
}
