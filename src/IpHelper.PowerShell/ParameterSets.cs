namespace IpHelper.PowerShell;

/// <summary>The parameter set names of Windows' cmdletization modules (NetTCPIP, NetAdapter).</summary>
internal static class ParameterSets
{
    /// <summary>Objects chosen by query parameters.</summary>
    public const string Query = "Query (cdxml)";

    /// <summary>Objects given through -InputObject or the pipeline.</summary>
    public const string InputObject = "InputObject (cdxml)";

    /// <summary>The interface given by -InterfaceAlias.</summary>
    public const string ByAlias = "ByInterfaceAlias";

    /// <summary>The interface given by -InterfaceIndex.</summary>
    public const string ByIndex = "ByInterfaceIndex";
}
