using System.Text.RegularExpressions;

namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// docs/errors.md read as data: for each function named by a <c>## </c> heading, the statuses named in
/// the first column of its table (a heading may name several functions, a cell several statuses).
/// </summary>
internal static partial class ErrorsDocument
{
    /// <summary>Function name -> documented statuses.</summary>
    public static IReadOnlyDictionary<string, HashSet<NetIoStatus>> Statuses { get; } = Parse(File.ReadAllLines(FindDocument()));

    private static Dictionary<string, HashSet<NetIoStatus>> Parse(string[] lines)
    {
        var sections = new Dictionary<string, HashSet<NetIoStatus>>();
        List<HashSet<NetIoStatus>> current = [];
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = [];
                foreach (var part in line[3..].Split(','))
                {
                    var name = FunctionName().Match(part).Groups[1].Value;
                    if (!sections.TryGetValue(name, out var statuses)) sections[name] = statuses = [];
                    current.Add(statuses);
                }
            }
            else if (line.StartsWith('|') && line.Split('|') is [_, var first, ..])
            {
                foreach (Match match in StatusName().Matches(first))
                    if (Enum.TryParse<NetIoStatus>(match.Value, out var status))
                        foreach (var statuses in current) statuses.Add(status);
            }
        }
        return sections;
    }

    private static string FindDocument()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "docs", "errors.md");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("docs/errors.md not found above the test assembly");
    }

    [GeneratedRegex(@"^\s*([A-Za-z_][\w.]*)")]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\b")]
    private static partial Regex StatusName();
}
