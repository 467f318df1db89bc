namespace IpHelper.PowerShell;

/// <summary>The interface named by -InterfaceAlias or -InterfaceIndex of a New- cmdlet, as a LUID.</summary>
internal static class InterfaceArguments
{
    /// <summary>The LUID of the alias when given, else of the index.</summary>
    /// <exception cref="NetIoException">No such interface in the namespace.</exception>
    public static NetLuid Resolve(string? alias, uint index) =>
        alias is not null ? Objects.NetLuidExtensions.FromAlias(alias) : Objects.NetLuidExtensions.FromIndex(index);
}
