using System.Net.Sockets;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    /// <summary>
    /// Linux has no stable-table notification: a unicast address registration is made first (so DAD ending
    /// in between is not missed), then the table is read; while an address is tentative, each address change
    /// reads it again until it is stable, delivers it once and ends the registration.
    /// </summary>
    public BackendResult NotifyStableUnicastAddressTable(AddressFamily family, Action<MibTable<MibUnicastIpAddressRow>> callback,
        out MibTable<MibUnicastIpAddressRow>? table, out NotificationHandle? handle)
    {
        table = null;
        handle = null;
        var delivered = 0;
        NotificationHandle? subscription = null;
        void OnChange(MibUnicastIpAddressRow? row, MibNotificationType type)
        {
            if (Volatile.Read(ref delivered) != 0 || StableTable(family, out var stable) != NetIoStatus.Success) return;
            if (stable is null) return;
            Interlocked.Exchange(ref delivered, 1);
            subscription?.Cancel();
            callback(stable);
        }
        var status = NotifyUnicastAddressChange(family, OnChange, null, initialNotification: false, out subscription);
        if (status != NetIoStatus.Success) return status;
        status = StableTable(family, out var now);
        if (status != NetIoStatus.Success)
        {
            subscription!.Cancel();
            return status;
        }
        if (now is not null)
        {
            if (Interlocked.Exchange(ref delivered, 1) == 0)
            {
                subscription!.Cancel();
                table = now;
                return BackendResult.Success;
            }
            // The registration's thread saw the table turn stable first and has called back already
            // (possibly before Start returned, when it could not yet end its own registration).
            now.Dispose();
            subscription!.Cancel();
        }
        handle = subscription;
        return BackendResult.Fail(NetIoStatus.IoPending, "an address is still tentative (duplicate address detection is running); the callback will get the stable table");
    }

    /// <summary>The table without tentative or duplicate addresses, or a null table while one is tentative.</summary>
    private BackendResult StableTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? stable)
    {
        stable = null;
        var status = GetUnicastAddressTable(family, out var table);
        if (status != NetIoStatus.Success) return status;
        using (table)
        {
            using var rows = new MibTableBuilder<MibUnicastIpAddressRow>();
            foreach (ref readonly var row in table!.AsSpan())
            {
                if (row.DadState == NlDadState.IpDadStateTentative) return BackendResult.Success;
                if (row.DadState != NlDadState.IpDadStateDuplicate) rows.Add() = row;
            }
            stable = rows.ToTable();
        }
        return BackendResult.Success;
    }
}
