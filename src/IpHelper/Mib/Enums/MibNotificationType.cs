namespace IpHelper;

/// <summary>MIB_NOTIFICATION_TYPE: what a change-notification callback is told about the row it receives.</summary>
public enum MibNotificationType
{
    /// <summary>A parameter of the row changed.</summary>
    MibParameterNotification = 0,
    /// <summary>The row was added.</summary>
    MibAddInstance = 1,
    /// <summary>The row was deleted.</summary>
    MibDeleteInstance = 2,
    /// <summary>The first callback after registration, asked for with InitialNotification; it carries no row.</summary>
    MibInitialNotification = 3,
}
