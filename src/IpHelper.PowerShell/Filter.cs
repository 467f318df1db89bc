using System.Management.Automation;

namespace IpHelper.PowerShell;

/// <summary>The query parameters' matching rules: strings with PowerShell wildcards, case-insensitive; other values by equality.</summary>
internal static class Filter
{
    /// <summary>True when no pattern was given or one of them matches.</summary>
    public static bool Text(string[]? patterns, string? value) =>
        patterns is null || patterns.Any(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant).IsMatch(value ?? ""));

    /// <summary>True when no value was given or one of them equals <paramref name="value"/>.</summary>
    public static bool Value<T>(T[]? values, T value) => values is null || values.Contains(value);

    /// <summary>True when some of the patterns have no wildcard: a query Windows reports as not found when it matches nothing.</summary>
    public static bool IsExact(string[]? patterns) => patterns is not null && patterns.Any(static p => !WildcardPattern.ContainsWildcardCharacters(p));
}
