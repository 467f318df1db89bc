using System.Runtime.CompilerServices;

namespace IpHelper;

/// <summary>
/// WCHAR[IF_MAX_STRING_SIZE + 1]: a NUL-terminated UTF-16 string of at most 256 characters,
/// stored inline (514 bytes), as the Alias and Description of <see cref="MibIfRow2"/>.
/// Index it or convert it to a span; <see cref="MibIfRow2.Alias"/> and
/// <see cref="MibIfRow2.Description"/> read and write it as a string.
/// </summary>
[InlineArray(MaxStringSize + 1)]
public struct IfStringBuffer
{
    /// <summary>IF_MAX_STRING_SIZE: the most characters the buffer holds before its terminating NUL.</summary>
    public const int MaxStringSize = 256;

    private char _element0;

    /// <summary>The characters before the first NUL (all 257 when there is none).</summary>
    /// <param name="buffer">The buffer.</param>
    internal static string Read(in IfStringBuffer buffer)
    {
        ReadOnlySpan<char> chars = buffer;
        var end = chars.IndexOf('\0');
        return new string(end < 0 ? chars : chars[..end]);
    }

    /// <summary>Stores <paramref name="value"/>, cut to <see cref="MaxStringSize"/> characters, then NULs to the end.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <param name="value">The text.</param>
    internal static void Write(ref IfStringBuffer buffer, ReadOnlySpan<char> value)
    {
        Span<char> chars = buffer;
        var length = Math.Min(value.Length, MaxStringSize);
        value[..length].CopyTo(chars);
        chars[length..].Clear();
    }
}
