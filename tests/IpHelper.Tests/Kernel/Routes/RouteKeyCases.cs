using Xunit;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>Route rows whose key Windows refuses with ERROR_INVALID_PARAMETER, shared by the Get/Create/Set/Delete tests.</summary>
public static class RouteKeyCases
{
    /// <summary>Stands for "an existing interface": each test replaces it with a real index.</summary>
    public const uint AnyInterface = uint.MaxValue;

    public static TheoryData<string, MibIpForwardRow2> Invalid()
    {
        var data = new TheoryData<string, MibIpForwardRow2>();
        var good = RouteTestData.Row("203.0.113.0/24", null, AnyInterface);

        var noPrefix = good;
        noPrefix.DestinationPrefix = default;
        data.Add("no DestinationPrefix", noPrefix);

        var tooLong = good;
        tooLong.DestinationPrefix.PrefixLength = 33;
        data.Add("prefix length 33", tooLong);

        data.Add("host bits", RouteTestData.Row("203.0.113.1/24", null, AnyInterface));

        var noNextHop = good;
        noNextHop.NextHop = default;
        data.Add("no NextHop", noNextHop);

        data.Add("NextHop of the other family", RouteTestData.Row("203.0.113.0/24", "2001:db8:1::9", AnyInterface));

        data.Add("neither LUID nor index", RouteTestData.Row("203.0.113.0/24", null));
        return data;
    }
}
