using Xunit;

namespace IpHelper.Tests.Release;

/// <summary>
/// <c>dotnet publish src/IpHelper.Cli -c Release -r &lt;rid&gt;</c>: one NativeAOT executable called iphelper,
/// built without a trimming or AOT warning, that works without the .NET runtime.
/// </summary>
[Collection(typeof(ReleaseCollection))]
public sealed class NativeAotPublishTests(ReleaseBuild build)
{
    private const string NoLinker = "NativeAOT links with clang or gcc and neither is on PATH (apt-get install clang)";

    private static readonly byte[] s_elfMagic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    [Fact]
    public void Publish_ReportsNoWarning()
    {
        Assert.SkipWhen(ReleaseBuild.NativeLinker is null, NoLinker);

        Assert.Empty(build.Native.Warnings);
        Assert.Contains("Generating native code", build.Native.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_LeavesOnlyOneNativeExecutable_NamedIphelper()
    {
        Assert.SkipWhen(ReleaseBuild.NativeLinker is null, NoLinker);

        var native = build.Native;
        Assert.Equal(["iphelper"], Directory.GetFileSystemEntries(native.Directory).Select(Path.GetFileName));
        Assert.Equal(s_elfMagic, File.ReadAllBytes(native.Path).Take(4));
    }

    [Fact]
    public void NativeIphelper_InterfaceListJson_IsAnArrayHoldingTheKernelsLoopback()
    {
        Assert.SkipWhen(ReleaseBuild.NativeLinker is null, NoLinker);

        LoopbackOracle.AssertInterfaceList(RunNative("interface", "list", "--json"));
    }

    [Fact]
    public void NativeIphelper_LuidLoJson_IsTheKernelsLoopback()
    {
        Assert.SkipWhen(ReleaseBuild.NativeLinker is null, NoLinker);

        LoopbackOracle.AssertLuid(RunNative("luid", "lo", "--json"));
    }

    [Fact]
    public void NativeIphelper_UnknownInterface_Exits1_NamingTheStatusOnStderr()
    {
        Assert.SkipWhen(ReleaseBuild.NativeLinker is null, NoLinker);

        var result = RunNative("luid", "iphelper-absent", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("iphelper: FileNotFound (2): ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("iphelper-absent", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the published executable with no .NET installation in sight: NativeAOT needs none.</summary>
    private Dotnet.Result RunNative(params string[] arguments) =>
        Dotnet.Exec(build.Native.Path, new Dictionary<string, string> { ["DOTNET_ROOT"] = "/nonexistent" }, arguments);
}
