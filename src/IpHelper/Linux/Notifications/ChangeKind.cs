namespace IpHelper.Linux.Notifications;

/// <summary>What one kernel notification says about one row.</summary>
internal enum ChangeKind : byte
{
    /// <summary>The row exists now with these values (added, or the same kernel object changed).</summary>
    Upsert,

    /// <summary>The kernel object of this row is gone.</summary>
    Remove,

    /// <summary>
    /// The row exists now and took the place of the rows it <see cref="IChangeSource{TKey, TRow}.Replaces"/>
    /// (NLM_F_REPLACE): the kernel drops those without a notification of their own.
    /// </summary>
    Replace,
}
