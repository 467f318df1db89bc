namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>The C library; every native call of the Linux backend goes through it.</summary>
    internal const string Libc = "libc";
}
