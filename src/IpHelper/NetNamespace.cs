namespace IpHelper;

/// <summary>Placeholder until the namespace scope lands.</summary>
public static class NetNamespace
{
    internal static T Run<T>(Func<T> work) => work();
}
