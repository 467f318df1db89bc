using System.Collections.Concurrent;
using System.Text.Json;

namespace IpHelper.Cli.Output;

/// <summary>
/// The JSON strings of one enum's members, as <see cref="Text.EnumName"/> names them (without
/// <paramref name="prefix"/>), encoded once per member: a listing of thousands of rows then neither looks
/// the name up as a string nor checks it for escaping again.
/// </summary>
internal sealed class JsonEnumNames<T>(string prefix) where T : struct, Enum
{
    private readonly ConcurrentDictionary<T, JsonEncodedText> _names = new();

    public JsonEncodedText this[T value] =>
        _names.TryGetValue(value, out var name) ? name : _names.GetOrAdd(value, JsonEncodedText.Encode(Text.EnumName(value, prefix)));
}
