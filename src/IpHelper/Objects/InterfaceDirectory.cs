using System.Net.Sockets;

namespace IpHelper.Objects;

/// <summary>
/// One read of the interface table (GetIfTable2) and, on demand, of the IP interface table, so that a list of
/// routes or addresses gets its aliases and interface metrics from two dumps instead of a lookup per row.
/// </summary>
internal sealed class InterfaceDirectory
{
    private readonly Dictionary<uint, MibIfRow2> _interfaces = [];
    private Dictionary<(AddressFamily, uint), MibIpInterfaceRow>? _ipInterfaces;

    private InterfaceDirectory()
    {
    }

    /// <summary>Reads the interface table of the current namespace.</summary>
    /// <exception cref="NetIoException">GetIfTable2 failed.</exception>
    public static InterfaceDirectory Read()
    {
        NetIo.GetIfTable2(out var table).ThrowIfFailed();
        var directory = new InterfaceDirectory();
        using (table)
        {
            foreach (ref readonly var row in table!.AsSpan()) directory._interfaces[row.InterfaceIndex] = row;
        }

        return directory;
    }

    /// <summary>Every interface, in index order.</summary>
    public IEnumerable<MibIfRow2> Interfaces => _interfaces.Values.OrderBy(static row => row.InterfaceIndex);

    /// <summary>The alias (name) of an interface, or an empty string when it disappeared since the read.</summary>
    public string Alias(uint index) => _interfaces.TryGetValue(index, out var row) ? row.Alias : "";

    /// <summary>The interface row of an index, when it existed at the read.</summary>
    public bool TryGetInterface(uint index, out MibIfRow2 row) => _interfaces.TryGetValue(index, out row);

    /// <summary>The IP interface row of an interface and family, when it has one (read with the first call).</summary>
    /// <exception cref="NetIoException">GetIpInterfaceTable failed.</exception>
    public bool TryGetIpInterface(AddressFamily family, uint index, out MibIpInterfaceRow row)
    {
        if (_ipInterfaces is null)
        {
            NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table).ThrowIfFailed();
            _ipInterfaces = [];
            using (table)
            {
                foreach (ref readonly var r in table!.AsSpan()) _ipInterfaces[(r.Family, r.InterfaceIndex)] = r;
            }
        }

        return _ipInterfaces.TryGetValue((family, index), out row);
    }

    /// <summary>The interface metric of an interface and family, or null when it has no IP interface of that family.</summary>
    public uint? InterfaceMetric(AddressFamily family, uint index) =>
        TryGetIpInterface(family, index, out var row) ? row.Metric : null;
}
