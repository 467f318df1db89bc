namespace IpHelper.Tests.Reliability.Fuzzing;

/// <summary>What kind of bytes a target reads, which decides how the fuzzers mutate its inputs.</summary>
internal enum FuzzInputKind
{
    /// <summary>One received netlink datagram: mutations know message and attribute headers.</summary>
    Netlink,

    /// <summary>UTF-8 text (a parsed argument, a /proc file): mutations insert separators and digits.</summary>
    Text,
}

/// <summary>
/// One decoder under fuzzing: <see cref="Run"/> feeds it an input and must return normally for every
/// input; any exception (including a <see cref="FuzzAssertionException"/> from a broken invariant) is a
/// finding. <see cref="Seeds"/> are valid inputs the mutations start from.
/// </summary>
internal sealed record FuzzTarget(string Name, FuzzInputKind Kind, Action<ReadOnlySpan<byte>> Run, Func<IReadOnlyList<byte[]>> Seeds);

/// <summary>An invariant a target checks on a decoded value did not hold: a finding, like a crash.</summary>
internal sealed class FuzzAssertionException(string message) : Exception(message)
{
    /// <summary>Throws unless <paramref name="condition"/> holds.</summary>
    public static void Check(bool condition, string message)
    {
        if (!condition) throw new FuzzAssertionException(message);
    }
}
