using System.Runtime.InteropServices;
using Xunit;
using static IpHelper.NetIoStatus;

namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// The bad-input matrix: one table (<see cref="All"/>), written area by area in the partial files
/// beside this one. Statuses are those docs/errors.md documents; <see cref="BadInputMatrixTests"/>
/// runs every row and checks that each public NetIo function has rows and that the rows and the
/// document agree.
/// </summary>
public static partial class BadInputCases
{
    /// <summary>IFNAMSIZ is 16 with the NUL: a 16-character name is one too long for Linux.</summary>
    internal const string TooLongName = "abcdefghijklmnop";

    /// <summary>Every row.</summary>
    public static IReadOnlyList<BadInputCase> All { get; } =
        [.. Interfaces(), .. IpInterfaces(), .. Routes(), .. UnicastAddresses(), .. OtherAddresses(), .. Neighbors(), .. Paths(), .. Notifications()];

    /// <summary>The row with this <see cref="BadInputCase.Id"/>.</summary>
    public static BadInputCase Get(string id) => All.Single(c => c.Id == id);

    private static BadInputCase Read(string function, string name, NetIoStatus expected, Func<BadInputLab, NetIoStatus> call) =>
        new(function, name, expected, Writes: false, call);

    private static BadInputCase Write(string function, string name, NetIoStatus expected, Func<BadInputLab, NetIoStatus> call) =>
        new(function, name, expected, Writes: true, call);

    /// <summary>The status of the last failure, for functions that report failure only through LastErrorDetail.</summary>
    private static NetIoStatus LastStatus() => NetIo.LastErrorDetail?.Status ?? Success;

    /// <summary>True when the last row's call reported its failure by throwing NetIoException (whose Detail explains it).</summary>
    [ThreadStatic]
    internal static bool t_threw;

    /// <summary>Runs a function that throws NetIoException for a documented failure and returns that status.</summary>
    private static NetIoStatus Thrown(Action call)
    {
        try
        {
            call();
            return Success;
        }
        catch (NetIoException e)
        {
            t_threw = true;
            return e.Status;
        }
    }

    /// <summary>Returns <paramref name="status"/> after checking that an output the function zeroes on failure is zero.</summary>
    private static NetIoStatus Zeroed<T>(NetIoStatus status, T output) where T : struct
    {
        Assert.Equal(default, output);
        return status;
    }

    /// <summary>Fails unless two rows are byte for byte the same (rows with inline arrays have no Equals).</summary>
    private static void AssertSameBytes<T>(T expected, T actual, string what) where T : unmanaged
    {
        var same = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in expected)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in actual)));
        Assert.True(same, $"{what} was changed");
    }

    /// <summary>Returns <paramref name="status"/> after checking that an output the function nulls on failure (a table, a handle, a string) is null.</summary>
    private static NetIoStatus Null(NetIoStatus status, object? output)
    {
        Assert.Null(output);
        return status;
    }

    /// <summary>Returns <paramref name="status"/> after freeing the table a call that succeeds returns.</summary>
    private static NetIoStatus Freed<T>(NetIoStatus status, MibTable<T>? table) where T : struct
    {
        table?.Dispose();
        return status;
    }
}
