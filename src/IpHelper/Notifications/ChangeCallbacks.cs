namespace IpHelper;

/// <summary>
/// PIPINTERFACE_CHANGE_CALLBACK: called by <see cref="NetIo.NotifyIpInterfaceChange"/> with the row
/// that was added, changed or deleted, or with a null row and MibInitialNotification.
/// </summary>
public delegate void IpInterfaceChangeCallback(object? callerContext, MibIpInterfaceRow? row, MibNotificationType notificationType);

/// <summary>
/// PUNICAST_IPADDRESS_CHANGE_CALLBACK: called by <see cref="NetIo.NotifyUnicastIpAddressChange"/> with
/// the address row that was added, changed or deleted, or with a null row and MibInitialNotification.
/// </summary>
public delegate void UnicastIpAddressChangeCallback(object? callerContext, MibUnicastIpAddressRow? row, MibNotificationType notificationType);

/// <summary>
/// PIPFORWARD_CHANGE_CALLBACK: called by <see cref="NetIo.NotifyRouteChange2"/> with the route row that
/// was added, changed or deleted, or with a null row and MibInitialNotification.
/// </summary>
public delegate void IpForwardChangeCallback(object? callerContext, MibIpForwardRow2? row, MibNotificationType notificationType);

/// <summary>
/// PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK: called once by <see cref="NetIo.NotifyStableUnicastIpAddressTable"/>
/// with the stable table when the call returned IoPending. The callee owns the table (FreeMibTable it).
/// </summary>
public delegate void StableUnicastIpAddressTableCallback(object? callerContext, MibTable<MibUnicastIpAddressRow> addressTable);
