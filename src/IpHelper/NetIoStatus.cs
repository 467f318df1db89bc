namespace IpHelper;

/// <summary>
/// The Win32 status codes that the IP Helper functions return, with their Windows values.
/// On Linux each kernel errno is translated to the code Windows documents for the same failure;
/// the errno and the kernel's extended-ack text stay available in <see cref="NetIo.LastErrorDetail"/>.
/// </summary>
public enum NetIoStatus : uint
{
    /// <summary>NO_ERROR: the call succeeded.</summary>
    Success = 0,
    /// <summary>ERROR_FILE_NOT_FOUND: the interface named by LUID or index does not exist.</summary>
    FileNotFound = 2,
    /// <summary>ERROR_ACCESS_DENIED: the caller lacks CAP_NET_ADMIN in the target namespace (EPERM/EACCES).</summary>
    AccessDenied = 5,
    /// <summary>ERROR_INVALID_HANDLE: a notification handle is not valid.</summary>
    InvalidHandle = 6,
    /// <summary>ERROR_NOT_ENOUGH_MEMORY: an allocation failed, or a name buffer is too small (ConvertInterfaceLuidToName*).</summary>
    NotEnoughMemory = 8,
    /// <summary>ERROR_INVALID_DATA: the kernel sent data that could not be decoded.</summary>
    InvalidData = 13,
    /// <summary>ERROR_NOT_READY: the device is not ready (GetTeredoPort: no Teredo client is running).</summary>
    NotReady = 21,
    /// <summary>ERROR_GEN_FAILURE: an unexpected failure without a more specific code.</summary>
    GenFailure = 31,
    /// <summary>ERROR_NOT_SUPPORTED: the kernel has no support for the request (EOPNOTSUPP, EAFNOSUPPORT).</summary>
    NotSupported = 50,
    /// <summary>ERROR_BAD_NET_NAME: a neighbour could not be resolved.</summary>
    BadNetName = 67,
    /// <summary>ERROR_INVALID_PARAMETER: an argument is missing, out of range or inconsistent.</summary>
    InvalidParameter = 87,
    /// <summary>ERROR_BUFFER_OVERFLOW: a caller-supplied buffer is too small.</summary>
    BufferOverflow = 111,
    /// <summary>ERROR_INSUFFICIENT_BUFFER: a caller-supplied buffer is too small.</summary>
    InsufficientBuffer = 122,
    /// <summary>ERROR_INVALID_NAME: an interface name is missing or malformed.</summary>
    InvalidName = 123,
    /// <summary>ERROR_NO_DATA: there is no data to return.</summary>
    NoData = 232,
    /// <summary>ERROR_OPERATION_ABORTED: the operation was cancelled.</summary>
    OperationAborted = 995,
    /// <summary>ERROR_IO_PENDING: the result will be delivered through a callback.</summary>
    IoPending = 997,
    /// <summary>ERROR_NOT_FOUND: the object does not exist (or the interface exists but not for that family).</summary>
    NotFound = 1168,
    /// <summary>ERROR_NETWORK_UNREACHABLE: no route reaches the destination.</summary>
    NetworkUnreachable = 1231,
    /// <summary>ERROR_HOST_UNREACHABLE: the destination host cannot be reached.</summary>
    HostUnreachable = 1232,
    /// <summary>ERROR_TIMEOUT: the kernel did not answer within the time limit.</summary>
    Timeout = 1460,
    /// <summary>ERROR_OBJECT_ALREADY_EXISTS: the object already exists.</summary>
    ObjectAlreadyExists = 5010,
}
