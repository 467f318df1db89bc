namespace IpHelper;

/// <summary>NET_IF_ADMIN_STATUS: the administrative status of an interface (RFC 2863 ifAdminStatus).</summary>
public enum NetIfAdminStatus
{
    /// <summary>NET_IF_ADMIN_STATUS_UP: enabled.</summary>
    NetIfAdminStatusUp = 1,
    /// <summary>NET_IF_ADMIN_STATUS_DOWN: disabled.</summary>
    NetIfAdminStatusDown = 2,
    /// <summary>NET_IF_ADMIN_STATUS_TESTING: in a test mode.</summary>
    NetIfAdminStatusTesting = 3,
}
