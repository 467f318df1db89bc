using System.Globalization;
using System.Text;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Notifications.Mirror;

/// <summary>
/// Random `ip` operations for the mirror tests, drawn from a model of what the namespace holds (which
/// links exist and are up, which addresses and routes were added) so that most of them succeed: route
/// add / del / replace / metric change, address add / del / replace, link up / down / delete (of either
/// veth end, so also the peer's deletion) and re-create, bridge port changes, `ip route flush`, IPv4
/// and IPv6. Operations the kernel refuses (a gateway not on link any more...) are part of the mix:
/// they must change nothing.
/// </summary>
internal sealed class MirrorWorkload(TestNetns ns, int seed)
{
    private static readonly string[][] s_pairs = [["mm0", "mm1"], ["mm2", "mm3"]];
    private const string Bridge = "mmbr";
    private static readonly uint[] s_metrics = [10, 20, 30];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, bool> _up = [];
    private readonly HashSet<string> _exists = [];
    private readonly List<(string Prefix, string Via, uint Metric)> _routes = [];
    private readonly List<(string Address, string Link)> _addresses = [];

    /// <summary>How many operations were sent.</summary>
    public long Operations { get; private set; }

    /// <summary>How many of them the kernel refused.</summary>
    public long Refused { get; private set; }

    /// <summary>Builds the links: two veth pairs and a bridge, IPv6 DAD off (tentative addresses are not what is tested here).</summary>
    public void Build()
    {
        ns.SetSysctl("net.ipv6.conf.all.accept_dad", "0");
        ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
        foreach (var pair in s_pairs) CreatePair(pair, immediately: true);
        ns.AddBridge(Bridge);
        _exists.Add(Bridge);
        _up[Bridge] = false;
    }

    /// <summary>Sends <paramref name="count"/> operations in one `ip -force -batch`; returns the batch text.</summary>
    public string Step(int count)
    {
        var batch = new StringBuilder();
        for (var i = 0; i < count; i++) Next(batch);
        Operations += count;
        try
        {
            Command.RunWithInput("ip", batch.ToString(), ["-n", ns.Name, "-force", "-batch", "-"]);
        }
        catch (CommandException e)
        {
            Refused += e.StandardError.Split('\n').Count(line => line.Contains("Command failed", StringComparison.Ordinal));
        }
        return batch.ToString();
    }

    private void Next(StringBuilder batch)
    {
        var links = _exists.ToArray();
        var roll = _random.Next(100);
        if (links.Length == 0 || roll < 3)
        {
            var pair = s_pairs[_random.Next(s_pairs.Length)];
            if (!_exists.Contains(pair[0]))
            {
                CreatePair(pair, batch);
                return;
            }
            // Deleting either end of a veth pair deletes its peer too.
            Line(batch, $"link del {pair[_random.Next(2)]}");
            foreach (var end in pair) Forget(end);
            return;
        }
        var link = links[_random.Next(links.Length)];
        var v6 = _random.Next(2) == 1;
        switch (roll)
        {
            case < 30:
                AddRoute(batch, link, v6, replace: false);
                break;
            case < 40:
                AddRoute(batch, link, v6, replace: true);
                break;
            case < 52:
                DeleteRoute(batch);
                break;
            case < 58:
                ChangeMetric(batch);
                break;
            case < 70:
                {
                    var address = AddressOn(link, v6);
                    Line(batch, $"address add {address} dev {link}");
                    _addresses.Add((address, link));
                    break;
                }
            case < 76:
                if (_addresses.Count > 0)
                {
                    var (address, at) = _addresses[_random.Next(_addresses.Count)];
                    Line(batch, $"address replace {address} dev {at} valid_lft {_random.Next(1000, 5000)} preferred_lft {_random.Next(500, 1000)}");
                }
                break;
            case < 84:
                if (_addresses.Count > 0)
                {
                    var i = _random.Next(_addresses.Count);
                    Line(batch, $"address del {_addresses[i].Address} dev {_addresses[i].Link}");
                    _addresses.RemoveAt(i);
                }
                break;
            case < 92:
                {
                    var up = !_up[link];
                    Line(batch, $"link set {link} {(up ? "up" : "down")}");
                    _up[link] = up;
                    // IPv4 routes through a link that goes down are gone.
                    if (!up) _routes.RemoveAll(r => r.Via.EndsWith($"dev {link}", StringComparison.Ordinal) && !r.Prefix.Contains(':', StringComparison.Ordinal));
                    break;
                }
            case < 96:
                if (link != Bridge)
                    Line(batch, _random.Next(2) == 0 ? $"link set {link} master {Bridge}" : $"link set {link} nomaster");
                break;
            default:
                Line(batch, _random.Next(3) switch
                {
                    0 => $"route flush dev {link}",
                    1 => "route flush root 203.0.113.0/24",
                    _ => "route flush root 2001:db8:ff::/48",
                });
                break;
        }
    }

    private void AddRoute(StringBuilder batch, string link, bool v6, bool replace)
    {
        // Mostly through a link that is up: the kernel refuses an IPv4 gateway on a link that is down.
        var up = _up.Where(l => l.Value && _exists.Contains(l.Key)).Select(l => l.Key).ToArray();
        if (up.Length > 0 && _random.Next(4) != 0) link = up[_random.Next(up.Length)];
        var prefix = v6
            ? $"2001:db8:ff:{_random.Next(24):x}::/64"
            : $"203.0.113.{_random.Next(24) * 8}/{(_random.Next(4) == 0 ? 32 : 29)}";
        var metric = s_metrics[_random.Next(s_metrics.Length)];
        // A gateway only where the link has an address of its subnet (else the kernel refuses it, mostly).
        var onLink = _addresses.Any(x => x.Link == link && x.Address.Contains(':', StringComparison.Ordinal) == v6);
        var via = !onLink || _random.Next(3) == 0 ? $"dev {link}" : $"via {Gateway(link, v6)} dev {link}";
        Line(batch, $"route {(replace ? "replace" : "add")} {prefix} {via} metric {metric}");
        _routes.Add((prefix, via, metric));
    }

    private void DeleteRoute(StringBuilder batch)
    {
        if (_routes.Count == 0) return;
        var i = _random.Next(_routes.Count);
        var (prefix, via, metric) = _routes[i];
        Line(batch, _random.Next(3) == 0 ? $"route del {prefix}" : $"route del {prefix} {via} metric {metric}");
        _routes.RemoveAt(i);
    }

    /// <summary>A metric change: Linux keeps the priority in a route's key, so it is an add at the new metric and a delete of the old.</summary>
    private void ChangeMetric(StringBuilder batch)
    {
        if (_routes.Count == 0) return;
        var i = _random.Next(_routes.Count);
        var (prefix, via, metric) = _routes[i];
        var changed = s_metrics[(Array.IndexOf(s_metrics, metric) + 1) % s_metrics.Length];
        Line(batch, $"route add {prefix} {via} metric {changed}");
        Line(batch, $"route del {prefix} {via} metric {metric}");
        _routes[i] = (prefix, via, changed);
    }

    private void CreatePair(string[] pair, StringBuilder? batch = null, bool immediately = false)
    {
        if (immediately) ns.AddVeth(pair[0], pair[1]);
        else Line(batch!, $"link add {pair[0]} type veth peer name {pair[1]}");
        foreach (var end in pair)
        {
            _exists.Add(end);
            _up[end] = immediately;
        }
    }

    private void Forget(string link)
    {
        _exists.Remove(link);
        _addresses.RemoveAll(a => a.Link == link);
        _routes.RemoveAll(r => r.Via.EndsWith($"dev {link}", StringComparison.Ordinal));
    }

    private static int Slot(string link) => link == Bridge ? 4 : link[^1] - '0';

    private string AddressOn(string link, bool v6) => v6
        ? $"2001:db8:{Slot(link)}::{_random.Next(1, 12):x}/64"
        : $"192.0.2.{Slot(link) * 16 + _random.Next(1, 12)}/28";

    private static string Gateway(string link, bool v6) => v6
        ? $"2001:db8:{Slot(link)}::d"
        : $"192.0.2.{Slot(link) * 16 + 13}";

    private static void Line(StringBuilder batch, string line) => batch.Append(line).Append('\n');
}
