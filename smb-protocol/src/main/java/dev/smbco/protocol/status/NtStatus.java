package dev.smbco.protocol.status;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MS-ERREF 2.3.1 NTSTATUS values: the codes an SMB2/3 client meets, as {@code int} constants,
 * with name, severity and the description text of MS-ERREF.
 *
 * <p>The table below was generated once from {@code testvectors/ntstatus.json}; edit it by hand
 * from now on (add a constant and its {@link #add} line together). An NTSTATUS is a 32-bit value
 * whose top two bits are its severity (MS-ERREF 2.3: Sev): 00 success, 01 informational,
 * 10 warning, 11 error. The SMB2 header carries it as a little-endian uint32.
 */
public final class NtStatus {
    /** The operation completed successfully. */
    public static final int STATUS_SUCCESS = 0x00000000;
    /** The operation that was requested is pending completion. */
    public static final int STATUS_PENDING = 0x00000103;
    /** Indicates that a notify change request has been completed due to closing the handle that made the notify change request. */
    public static final int STATUS_NOTIFY_CLEANUP = 0x0000010B;
    /** Indicates that a notify change request is being completed and that the information is not being returned in the caller's buffer. The caller now needs to enumerate the files to find the changes. */
    public static final int STATUS_NOTIFY_ENUM_DIR = 0x0000010C;
    /** {Buffer Overflow} The data was too large to fit into the specified buffer. */
    public static final int STATUS_BUFFER_OVERFLOW = 0x80000005;
    /** {No More Files} No more files were found which match the file specification. */
    public static final int STATUS_NO_MORE_FILES = 0x80000006;
    /** The create operation stopped after reaching a symbolic link. */
    public static final int STATUS_STOPPED_ON_SYMLINK = 0x8000002D;
    /** {Illegal EA} The specified extended attribute (EA) name contains at least one illegal character. */
    public static final int STATUS_INVALID_EA_NAME = 0x80000013;
    /** {Inconsistent EA List} The extended attribute (EA) list is inconsistent. */
    public static final int STATUS_EA_LIST_INCONSISTENT = 0x80000014;
    /** {Operation Failed} The requested operation was unsuccessful. */
    public static final int STATUS_UNSUCCESSFUL = 0xC0000001;
    /** {Not Implemented} The requested operation is not implemented. */
    public static final int STATUS_NOT_IMPLEMENTED = 0xC0000002;
    /** {Invalid Parameter} The specified information class is not a valid information class for the specified object. */
    public static final int STATUS_INVALID_INFO_CLASS = 0xC0000003;
    /** The specified information record length does not match the length that is required for the specified information class. */
    public static final int STATUS_INFO_LENGTH_MISMATCH = 0xC0000004;
    /** An invalid HANDLE was specified. */
    public static final int STATUS_INVALID_HANDLE = 0xC0000008;
    /** An invalid parameter was passed to a service or function. */
    public static final int STATUS_INVALID_PARAMETER = 0xC000000D;
    /** The specified request is not a valid operation for the target device. */
    public static final int STATUS_INVALID_DEVICE_REQUEST = 0xC0000010;
    /** The specified handle is not open to the server end of the named pipe. */
    public static final int STATUS_ILLEGAL_FUNCTION = 0xC00000AF;
    /** {Still Busy} The specified I/O request packet (IRP) cannot be disposed of because the I/O operation is not complete. */
    public static final int STATUS_MORE_PROCESSING_REQUIRED = 0xC0000016;
    /** {Not Enough Quota} Not enough virtual memory or paging file quota is available to complete the specified operation. */
    public static final int STATUS_NO_MEMORY = 0xC0000017;
    /** {Buffer Too Small} The buffer is too small to contain the entry. No information has been written to the buffer. */
    public static final int STATUS_BUFFER_TOO_SMALL = 0xC0000023;
    /** {Wrong Type} There is a mismatch between the type of object that is required by the requested operation and the type of object that is specified in the request. */
    public static final int STATUS_OBJECT_TYPE_MISMATCH = 0xC0000024;
    /** Insufficient system resources exist to complete the API. */
    public static final int STATUS_INSUFFICIENT_RESOURCES = 0xC000009A;
    /** Insufficient server resources exist to complete the request. */
    public static final int STATUS_INSUFF_SERVER_RESOURCES = 0xC0000205;
    /** An internal error occurred. */
    public static final int STATUS_INTERNAL_ERROR = 0xC00000E5;
    /** The request is not supported. */
    public static final int STATUS_NOT_SUPPORTED = 0xC00000BB;
    /** The object was not found. */
    public static final int STATUS_NOT_FOUND = 0xC0000225;
    /** The I/O request was canceled. */
    public static final int STATUS_CANCELLED = 0xC0000120;
    /** The request was aborted. */
    public static final int STATUS_REQUEST_ABORTED = 0xC0000240;
    /** {Device Timeout} The specified I/O operation on %hs was not completed before the time-out period expired. */
    public static final int STATUS_IO_TIMEOUT = 0xC00000B5;
    /** The device is not in a valid state to perform this request. */
    public static final int STATUS_INVALID_DEVICE_STATE = 0xC0000184;
    /** {Data Error} An error occurred in reading or writing data. */
    public static final int STATUS_DATA_ERROR = 0xC000003E;
    /** {File Not Found} The file %hs does not exist. */
    public static final int STATUS_NO_SUCH_FILE = 0xC000000F;
    /** The end-of-file marker has been reached. There is no valid data in the file beyond this marker. */
    public static final int STATUS_END_OF_FILE = 0xC0000011;
    /** The object name is invalid. */
    public static final int STATUS_OBJECT_NAME_INVALID = 0xC0000033;
    /** The object name is not found. */
    public static final int STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034;
    /** The object name already exists. */
    public static final int STATUS_OBJECT_NAME_COLLISION = 0xC0000035;
    /** The object path component was not a directory object. */
    public static final int STATUS_OBJECT_PATH_INVALID = 0xC0000039;
    /** {Path Not Found} The path %hs does not exist. */
    public static final int STATUS_OBJECT_PATH_NOT_FOUND = 0xC000003A;
    /** The object path component was not a directory object. */
    public static final int STATUS_OBJECT_PATH_SYNTAX_BAD = 0xC000003B;
    /** A file cannot be opened because the share access flags are incompatible. */
    public static final int STATUS_SHARING_VIOLATION = 0xC0000043;
    /** A non-close operation has been requested of a file object that has a delete pending. */
    public static final int STATUS_DELETE_PENDING = 0xC0000056;
    /** The file that was specified as a target is a directory, and the caller specified that it could be anything but a directory. */
    public static final int STATUS_FILE_IS_A_DIRECTORY = 0xC00000BA;
    /** A requested opened file is not a directory. */
    public static final int STATUS_NOT_A_DIRECTORY = 0xC0000103;
    /** Indicates that the directory trying to be deleted is not empty. */
    public static final int STATUS_DIRECTORY_NOT_EMPTY = 0xC0000101;
    /** An attempt has been made to remove a file or directory that cannot be deleted. */
    public static final int STATUS_CANNOT_DELETE = 0xC0000121;
    /** An I/O request other than close and several other special case operations was attempted using a file object that had already been closed. */
    public static final int STATUS_FILE_CLOSED = 0xC0000128;
    /** The specified file has been renamed and thus cannot be modified. */
    public static final int STATUS_FILE_RENAMED = 0xC00000D5;
    /** The volume for a file has been externally altered such that the opened file is no longer valid. */
    public static final int STATUS_FILE_INVALID = 0xC0000098;
    /** {Incorrect Volume} The destination file of a rename request is located on a different device than the source of the rename request. */
    public static final int STATUS_NOT_SAME_DEVICE = 0xC00000D4;
    /** An operation failed because the disk was full. */
    public static final int STATUS_DISK_FULL = 0xC000007F;
    /** {Write Protect Error} The disk cannot be written to because it is write-protected. Remove the write protection from the volume %hs in drive %hs. */
    public static final int STATUS_MEDIA_WRITE_PROTECTED = 0xC00000A2;
    /** Too many files are opened on a remote server. This error should only be returned by the Windows redirector on a remote drive. */
    public static final int STATUS_TOO_MANY_OPENED_FILES = 0xC000011F;
    /** An operation was attempted to a volume after it was dismounted. */
    public static final int STATUS_VOLUME_DISMOUNTED = 0xC000026E;
    /** The NTFS file or directory is not a reparse point. */
    public static final int STATUS_NOT_A_REPARSE_POINT = 0xC0000275;
    /** A requested read/write cannot be granted due to a conflicting file lock. */
    public static final int STATUS_FILE_LOCK_CONFLICT = 0xC0000054;
    /** A requested file lock cannot be granted due to other existing locks. */
    public static final int STATUS_LOCK_NOT_GRANTED = 0xC0000055;
    /** The range specified in NtUnlockFile was not locked. */
    public static final int STATUS_RANGE_NOT_LOCKED = 0xC000007E;
    /** An operation involving EAs failed because the file system does not support EAs. */
    public static final int STATUS_EAS_NOT_SUPPORTED = 0xC000004F;
    /** An EA operation failed because the EA set is too large. */
    public static final int STATUS_EA_TOO_LARGE = 0xC0000050;
    /** An EA operation failed because the name or EA index is invalid. */
    public static final int STATUS_NONEXISTENT_EA_ENTRY = 0xC0000051;
    /** The file for which EAs were requested has no EAs. */
    public static final int STATUS_NO_EAS_ON_FILE = 0xC0000052;
    /** An error status returned when the opportunistic lock (oplock) request is denied. */
    public static final int STATUS_OPLOCK_NOT_GRANTED = 0xC00000E2;
    /** An error status returned when an invalid opportunistic lock (oplock) acknowledgment is received by a file system. */
    public static final int STATUS_INVALID_OPLOCK_PROTOCOL = 0xC00000E3;
    /** A volume has been accessed for which a file system driver is required that has not yet been loaded. */
    public static final int STATUS_FS_DRIVER_REQUIRED = 0xC000019C;
    /** {Access Denied} A process has requested access to an object but has not been granted those access rights. */
    public static final int STATUS_ACCESS_DENIED = 0xC0000022;
    /** A required privilege is not held by the client. */
    public static final int STATUS_PRIVILEGE_NOT_HELD = 0xC0000061;
    /** The specified account does not exist. */
    public static final int STATUS_NO_SUCH_USER = 0xC0000064;
    /** When trying to update a password, this return status indicates that the value provided as the current password is not correct. */
    public static final int STATUS_WRONG_PASSWORD = 0xC000006A;
    /** The attempted logon is invalid. This is either due to a bad username or authentication information. */
    public static final int STATUS_LOGON_FAILURE = 0xC000006D;
    /** Indicates a referenced user name and authentication information are valid, but some user account restriction has prevented successful authentication (such as time-of-day restrictions). */
    public static final int STATUS_ACCOUNT_RESTRICTION = 0xC000006E;
    /** The user account has time restrictions and may not be logged onto at this time. */
    public static final int STATUS_INVALID_LOGON_HOURS = 0xC000006F;
    /** The user account is restricted so that it may not be used to log on from the source workstation. */
    public static final int STATUS_INVALID_WORKSTATION = 0xC0000070;
    /** The user account password has expired. */
    public static final int STATUS_PASSWORD_EXPIRED = 0xC0000071;
    /** The referenced account is currently disabled and may not be logged on to. */
    public static final int STATUS_ACCOUNT_DISABLED = 0xC0000072;
    /** The user password must be changed before logging on the first time. */
    public static final int STATUS_PASSWORD_MUST_CHANGE = 0xC0000224;
    /** The user account has been automatically locked because too many invalid logon attempts or password change attempts have been requested. */
    public static final int STATUS_ACCOUNT_LOCKED_OUT = 0xC0000234;
    /** A specified impersonation level is invalid. Also used to indicate that a required impersonation level was not provided. */
    public static final int STATUS_BAD_IMPERSONATION_LEVEL = 0xC00000A5;
    /** The cryptographic signature is invalid. */
    public static final int STATUS_INVALID_SIGNATURE = 0xC000A000;
    /** The file encryption attempt failed. */
    public static final int STATUS_ENCRYPTION_FAILED = 0xC000028A;
    /** The file decryption attempt failed. */
    public static final int STATUS_DECRYPTION_FAILED = 0xC000028B;
    /** The network name was deleted. */
    public static final int STATUS_NETWORK_NAME_DELETED = 0xC00000C9;
    /** Network access is denied. */
    public static final int STATUS_NETWORK_ACCESS_DENIED = 0xC00000CA;
    /** {Network Name Not Found} The specified share name cannot be found on the remote server. */
    public static final int STATUS_BAD_NETWORK_NAME = 0xC00000CC;
    /** The network path cannot be located. */
    public static final int STATUS_BAD_NETWORK_PATH = 0xC00000BE;
    /** A duplicate name exists on the network. */
    public static final int STATUS_DUPLICATE_NAME = 0xC00000BD;
    /** This remote computer is not listening. */
    public static final int STATUS_REMOTE_NOT_LISTENING = 0xC00000BC;
    /** No more connections can be made to this remote computer at this time because the computer has already accepted the maximum number of connections. */
    public static final int STATUS_REQUEST_NOT_ACCEPTED = 0xC00000D0;
    /** The remote user session has been deleted. */
    public static final int STATUS_USER_SESSION_DELETED = 0xC0000203;
    /** The client session has expired; so the client must re-authenticate to continue accessing the remote resources. */
    public static final int STATUS_NETWORK_SESSION_EXPIRED = 0xC000035C;
    /** The network responded incorrectly. */
    public static final int STATUS_INVALID_NETWORK_RESPONSE = 0xC00000C3;
    /** The transport connection is now disconnected. */
    public static final int STATUS_CONNECTION_DISCONNECTED = 0xC000020C;
    /** The transport connection has been reset. */
    public static final int STATUS_CONNECTION_RESET = 0xC000020D;
    /** The transport-connection attempt was refused by the remote system. */
    public static final int STATUS_CONNECTION_REFUSED = 0xC0000236;
    /** The transport connection was aborted by the local system. */
    public static final int STATUS_CONNECTION_ABORTED = 0xC0000241;
    /** The remote network is not reachable by the transport. */
    public static final int STATUS_NETWORK_UNREACHABLE = 0xC000023C;
    /** The remote system is not reachable by the transport. */
    public static final int STATUS_HOST_UNREACHABLE = 0xC000023D;
    /** There is bad cabling, non-termination, or the controller is not able to obtain access to the hard disk. */
    public static final int STATUS_DEVICE_NOT_CONNECTED = 0xC000009D;
    /** The contacted server does not support the indicated part of the DFS namespace. */
    public static final int STATUS_PATH_NOT_COVERED = 0xC0000257;
    /** DFS is unavailable on the contacted server. */
    public static final int STATUS_DFS_UNAVAILABLE = 0xC000026D;
    /** The file is temporarily unavailable. */
    public static final int STATUS_FILE_NOT_AVAILABLE = 0xC0000467;
    /** An instance of a named pipe cannot be found in the listening state. */
    public static final int STATUS_PIPE_NOT_AVAILABLE = 0xC00000AC;
    /** The named pipe is not in the connected or closing state. */
    public static final int STATUS_INVALID_PIPE_STATE = 0xC00000AD;
    /** The specified pipe is set to complete operations and there are current I/O operations queued so that it cannot be changed to queue operations. */
    public static final int STATUS_PIPE_BUSY = 0xC00000AE;
    /** The specified named pipe is in the disconnected state. */
    public static final int STATUS_PIPE_DISCONNECTED = 0xC00000B0;
    /** The specified named pipe is in the closing state. */
    public static final int STATUS_PIPE_CLOSING = 0xC00000B1;
    /** Used to indicate that a read operation was done on an empty pipe. */
    public static final int STATUS_PIPE_EMPTY = 0xC00000D9;
    /** The pipe operation has failed because the other end of the pipe has been closed. */
    public static final int STATUS_PIPE_BROKEN = 0xC000014B;
    /** The file server is temporarily unavailable. */
    public static final int STATUS_SERVER_UNAVAILABLE = 0xC0000466;
    /** Server and client share no preauthentication integrity hash algorithm (MS-SMB2 3.3.5.4). */
    public static final int STATUS_SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP = 0xC05D0000;
    /** Dialect above the cluster's MaxClusterDialect (MS-SMB2 3.3.5.7). */
    public static final int STATUS_SMB_BAD_CLUSTER_DIALECT = 0xC05D0001;

    private static final Map<Integer, Info> TABLE = new HashMap<>(256);

    static {
        add(STATUS_SUCCESS, "STATUS_SUCCESS", "The operation completed successfully.");
        add(STATUS_PENDING, "STATUS_PENDING", "The operation that was requested is pending completion.");
        add(STATUS_NOTIFY_CLEANUP, "STATUS_NOTIFY_CLEANUP", "Indicates that a notify change request has been completed due to closing the handle that made the notify change request.");
        add(STATUS_NOTIFY_ENUM_DIR, "STATUS_NOTIFY_ENUM_DIR", "Indicates that a notify change request is being completed and that the information is not being returned in the caller's buffer. The caller now needs to enumerate the files to find the changes.");
        add(STATUS_BUFFER_OVERFLOW, "STATUS_BUFFER_OVERFLOW", "{Buffer Overflow} The data was too large to fit into the specified buffer.");
        add(STATUS_NO_MORE_FILES, "STATUS_NO_MORE_FILES", "{No More Files} No more files were found which match the file specification.");
        add(STATUS_STOPPED_ON_SYMLINK, "STATUS_STOPPED_ON_SYMLINK", "The create operation stopped after reaching a symbolic link.");
        add(STATUS_INVALID_EA_NAME, "STATUS_INVALID_EA_NAME", "{Illegal EA} The specified extended attribute (EA) name contains at least one illegal character.");
        add(STATUS_EA_LIST_INCONSISTENT, "STATUS_EA_LIST_INCONSISTENT", "{Inconsistent EA List} The extended attribute (EA) list is inconsistent.");
        add(STATUS_UNSUCCESSFUL, "STATUS_UNSUCCESSFUL", "{Operation Failed} The requested operation was unsuccessful.");
        add(STATUS_NOT_IMPLEMENTED, "STATUS_NOT_IMPLEMENTED", "{Not Implemented} The requested operation is not implemented.");
        add(STATUS_INVALID_INFO_CLASS, "STATUS_INVALID_INFO_CLASS", "{Invalid Parameter} The specified information class is not a valid information class for the specified object.");
        add(STATUS_INFO_LENGTH_MISMATCH, "STATUS_INFO_LENGTH_MISMATCH", "The specified information record length does not match the length that is required for the specified information class.");
        add(STATUS_INVALID_HANDLE, "STATUS_INVALID_HANDLE", "An invalid HANDLE was specified.");
        add(STATUS_INVALID_PARAMETER, "STATUS_INVALID_PARAMETER", "An invalid parameter was passed to a service or function.");
        add(STATUS_INVALID_DEVICE_REQUEST, "STATUS_INVALID_DEVICE_REQUEST", "The specified request is not a valid operation for the target device.");
        add(STATUS_ILLEGAL_FUNCTION, "STATUS_ILLEGAL_FUNCTION", "The specified handle is not open to the server end of the named pipe.");
        add(STATUS_MORE_PROCESSING_REQUIRED, "STATUS_MORE_PROCESSING_REQUIRED", "{Still Busy} The specified I/O request packet (IRP) cannot be disposed of because the I/O operation is not complete.");
        add(STATUS_NO_MEMORY, "STATUS_NO_MEMORY", "{Not Enough Quota} Not enough virtual memory or paging file quota is available to complete the specified operation.");
        add(STATUS_BUFFER_TOO_SMALL, "STATUS_BUFFER_TOO_SMALL", "{Buffer Too Small} The buffer is too small to contain the entry. No information has been written to the buffer.");
        add(STATUS_OBJECT_TYPE_MISMATCH, "STATUS_OBJECT_TYPE_MISMATCH", "{Wrong Type} There is a mismatch between the type of object that is required by the requested operation and the type of object that is specified in the request.");
        add(STATUS_INSUFFICIENT_RESOURCES, "STATUS_INSUFFICIENT_RESOURCES", "Insufficient system resources exist to complete the API.");
        add(STATUS_INSUFF_SERVER_RESOURCES, "STATUS_INSUFF_SERVER_RESOURCES", "Insufficient server resources exist to complete the request.");
        add(STATUS_INTERNAL_ERROR, "STATUS_INTERNAL_ERROR", "An internal error occurred.");
        add(STATUS_NOT_SUPPORTED, "STATUS_NOT_SUPPORTED", "The request is not supported.");
        add(STATUS_NOT_FOUND, "STATUS_NOT_FOUND", "The object was not found.");
        add(STATUS_CANCELLED, "STATUS_CANCELLED", "The I/O request was canceled.");
        add(STATUS_REQUEST_ABORTED, "STATUS_REQUEST_ABORTED", "The request was aborted.");
        add(STATUS_IO_TIMEOUT, "STATUS_IO_TIMEOUT", "{Device Timeout} The specified I/O operation on %hs was not completed before the time-out period expired.");
        add(STATUS_INVALID_DEVICE_STATE, "STATUS_INVALID_DEVICE_STATE", "The device is not in a valid state to perform this request.");
        add(STATUS_DATA_ERROR, "STATUS_DATA_ERROR", "{Data Error} An error occurred in reading or writing data.");
        add(STATUS_NO_SUCH_FILE, "STATUS_NO_SUCH_FILE", "{File Not Found} The file %hs does not exist.");
        add(STATUS_END_OF_FILE, "STATUS_END_OF_FILE", "The end-of-file marker has been reached. There is no valid data in the file beyond this marker.");
        add(STATUS_OBJECT_NAME_INVALID, "STATUS_OBJECT_NAME_INVALID", "The object name is invalid.");
        add(STATUS_OBJECT_NAME_NOT_FOUND, "STATUS_OBJECT_NAME_NOT_FOUND", "The object name is not found.");
        add(STATUS_OBJECT_NAME_COLLISION, "STATUS_OBJECT_NAME_COLLISION", "The object name already exists.");
        add(STATUS_OBJECT_PATH_INVALID, "STATUS_OBJECT_PATH_INVALID", "The object path component was not a directory object.");
        add(STATUS_OBJECT_PATH_NOT_FOUND, "STATUS_OBJECT_PATH_NOT_FOUND", "{Path Not Found} The path %hs does not exist.");
        add(STATUS_OBJECT_PATH_SYNTAX_BAD, "STATUS_OBJECT_PATH_SYNTAX_BAD", "The object path component was not a directory object.");
        add(STATUS_SHARING_VIOLATION, "STATUS_SHARING_VIOLATION", "A file cannot be opened because the share access flags are incompatible.");
        add(STATUS_DELETE_PENDING, "STATUS_DELETE_PENDING", "A non-close operation has been requested of a file object that has a delete pending.");
        add(STATUS_FILE_IS_A_DIRECTORY, "STATUS_FILE_IS_A_DIRECTORY", "The file that was specified as a target is a directory, and the caller specified that it could be anything but a directory.");
        add(STATUS_NOT_A_DIRECTORY, "STATUS_NOT_A_DIRECTORY", "A requested opened file is not a directory.");
        add(STATUS_DIRECTORY_NOT_EMPTY, "STATUS_DIRECTORY_NOT_EMPTY", "Indicates that the directory trying to be deleted is not empty.");
        add(STATUS_CANNOT_DELETE, "STATUS_CANNOT_DELETE", "An attempt has been made to remove a file or directory that cannot be deleted.");
        add(STATUS_FILE_CLOSED, "STATUS_FILE_CLOSED", "An I/O request other than close and several other special case operations was attempted using a file object that had already been closed.");
        add(STATUS_FILE_RENAMED, "STATUS_FILE_RENAMED", "The specified file has been renamed and thus cannot be modified.");
        add(STATUS_FILE_INVALID, "STATUS_FILE_INVALID", "The volume for a file has been externally altered such that the opened file is no longer valid.");
        add(STATUS_NOT_SAME_DEVICE, "STATUS_NOT_SAME_DEVICE", "{Incorrect Volume} The destination file of a rename request is located on a different device than the source of the rename request.");
        add(STATUS_DISK_FULL, "STATUS_DISK_FULL", "An operation failed because the disk was full.");
        add(STATUS_MEDIA_WRITE_PROTECTED, "STATUS_MEDIA_WRITE_PROTECTED", "{Write Protect Error} The disk cannot be written to because it is write-protected. Remove the write protection from the volume %hs in drive %hs.");
        add(STATUS_TOO_MANY_OPENED_FILES, "STATUS_TOO_MANY_OPENED_FILES", "Too many files are opened on a remote server. This error should only be returned by the Windows redirector on a remote drive.");
        add(STATUS_VOLUME_DISMOUNTED, "STATUS_VOLUME_DISMOUNTED", "An operation was attempted to a volume after it was dismounted.");
        add(STATUS_NOT_A_REPARSE_POINT, "STATUS_NOT_A_REPARSE_POINT", "The NTFS file or directory is not a reparse point.");
        add(STATUS_FILE_LOCK_CONFLICT, "STATUS_FILE_LOCK_CONFLICT", "A requested read/write cannot be granted due to a conflicting file lock.");
        add(STATUS_LOCK_NOT_GRANTED, "STATUS_LOCK_NOT_GRANTED", "A requested file lock cannot be granted due to other existing locks.");
        add(STATUS_RANGE_NOT_LOCKED, "STATUS_RANGE_NOT_LOCKED", "The range specified in NtUnlockFile was not locked.");
        add(STATUS_EAS_NOT_SUPPORTED, "STATUS_EAS_NOT_SUPPORTED", "An operation involving EAs failed because the file system does not support EAs.");
        add(STATUS_EA_TOO_LARGE, "STATUS_EA_TOO_LARGE", "An EA operation failed because the EA set is too large.");
        add(STATUS_NONEXISTENT_EA_ENTRY, "STATUS_NONEXISTENT_EA_ENTRY", "An EA operation failed because the name or EA index is invalid.");
        add(STATUS_NO_EAS_ON_FILE, "STATUS_NO_EAS_ON_FILE", "The file for which EAs were requested has no EAs.");
        add(STATUS_OPLOCK_NOT_GRANTED, "STATUS_OPLOCK_NOT_GRANTED", "An error status returned when the opportunistic lock (oplock) request is denied.");
        add(STATUS_INVALID_OPLOCK_PROTOCOL, "STATUS_INVALID_OPLOCK_PROTOCOL", "An error status returned when an invalid opportunistic lock (oplock) acknowledgment is received by a file system.");
        add(STATUS_FS_DRIVER_REQUIRED, "STATUS_FS_DRIVER_REQUIRED", "A volume has been accessed for which a file system driver is required that has not yet been loaded.");
        add(STATUS_ACCESS_DENIED, "STATUS_ACCESS_DENIED", "{Access Denied} A process has requested access to an object but has not been granted those access rights.");
        add(STATUS_PRIVILEGE_NOT_HELD, "STATUS_PRIVILEGE_NOT_HELD", "A required privilege is not held by the client.");
        add(STATUS_NO_SUCH_USER, "STATUS_NO_SUCH_USER", "The specified account does not exist.");
        add(STATUS_WRONG_PASSWORD, "STATUS_WRONG_PASSWORD", "When trying to update a password, this return status indicates that the value provided as the current password is not correct.");
        add(STATUS_LOGON_FAILURE, "STATUS_LOGON_FAILURE", "The attempted logon is invalid. This is either due to a bad username or authentication information.");
        add(STATUS_ACCOUNT_RESTRICTION, "STATUS_ACCOUNT_RESTRICTION", "Indicates a referenced user name and authentication information are valid, but some user account restriction has prevented successful authentication (such as time-of-day restrictions).");
        add(STATUS_INVALID_LOGON_HOURS, "STATUS_INVALID_LOGON_HOURS", "The user account has time restrictions and may not be logged onto at this time.");
        add(STATUS_INVALID_WORKSTATION, "STATUS_INVALID_WORKSTATION", "The user account is restricted so that it may not be used to log on from the source workstation.");
        add(STATUS_PASSWORD_EXPIRED, "STATUS_PASSWORD_EXPIRED", "The user account password has expired.");
        add(STATUS_ACCOUNT_DISABLED, "STATUS_ACCOUNT_DISABLED", "The referenced account is currently disabled and may not be logged on to.");
        add(STATUS_PASSWORD_MUST_CHANGE, "STATUS_PASSWORD_MUST_CHANGE", "The user password must be changed before logging on the first time.");
        add(STATUS_ACCOUNT_LOCKED_OUT, "STATUS_ACCOUNT_LOCKED_OUT", "The user account has been automatically locked because too many invalid logon attempts or password change attempts have been requested.");
        add(STATUS_BAD_IMPERSONATION_LEVEL, "STATUS_BAD_IMPERSONATION_LEVEL", "A specified impersonation level is invalid. Also used to indicate that a required impersonation level was not provided.");
        add(STATUS_INVALID_SIGNATURE, "STATUS_INVALID_SIGNATURE", "The cryptographic signature is invalid.");
        add(STATUS_ENCRYPTION_FAILED, "STATUS_ENCRYPTION_FAILED", "The file encryption attempt failed.");
        add(STATUS_DECRYPTION_FAILED, "STATUS_DECRYPTION_FAILED", "The file decryption attempt failed.");
        add(STATUS_NETWORK_NAME_DELETED, "STATUS_NETWORK_NAME_DELETED", "The network name was deleted.");
        add(STATUS_NETWORK_ACCESS_DENIED, "STATUS_NETWORK_ACCESS_DENIED", "Network access is denied.");
        add(STATUS_BAD_NETWORK_NAME, "STATUS_BAD_NETWORK_NAME", "{Network Name Not Found} The specified share name cannot be found on the remote server.");
        add(STATUS_BAD_NETWORK_PATH, "STATUS_BAD_NETWORK_PATH", "The network path cannot be located.");
        add(STATUS_DUPLICATE_NAME, "STATUS_DUPLICATE_NAME", "A duplicate name exists on the network.");
        add(STATUS_REMOTE_NOT_LISTENING, "STATUS_REMOTE_NOT_LISTENING", "This remote computer is not listening.");
        add(STATUS_REQUEST_NOT_ACCEPTED, "STATUS_REQUEST_NOT_ACCEPTED", "No more connections can be made to this remote computer at this time because the computer has already accepted the maximum number of connections.");
        add(STATUS_USER_SESSION_DELETED, "STATUS_USER_SESSION_DELETED", "The remote user session has been deleted.");
        add(STATUS_NETWORK_SESSION_EXPIRED, "STATUS_NETWORK_SESSION_EXPIRED", "The client session has expired; so the client must re-authenticate to continue accessing the remote resources.");
        add(STATUS_INVALID_NETWORK_RESPONSE, "STATUS_INVALID_NETWORK_RESPONSE", "The network responded incorrectly.");
        add(STATUS_CONNECTION_DISCONNECTED, "STATUS_CONNECTION_DISCONNECTED", "The transport connection is now disconnected.");
        add(STATUS_CONNECTION_RESET, "STATUS_CONNECTION_RESET", "The transport connection has been reset.");
        add(STATUS_CONNECTION_REFUSED, "STATUS_CONNECTION_REFUSED", "The transport-connection attempt was refused by the remote system.");
        add(STATUS_CONNECTION_ABORTED, "STATUS_CONNECTION_ABORTED", "The transport connection was aborted by the local system.");
        add(STATUS_NETWORK_UNREACHABLE, "STATUS_NETWORK_UNREACHABLE", "The remote network is not reachable by the transport.");
        add(STATUS_HOST_UNREACHABLE, "STATUS_HOST_UNREACHABLE", "The remote system is not reachable by the transport.");
        add(STATUS_DEVICE_NOT_CONNECTED, "STATUS_DEVICE_NOT_CONNECTED", "There is bad cabling, non-termination, or the controller is not able to obtain access to the hard disk.");
        add(STATUS_PATH_NOT_COVERED, "STATUS_PATH_NOT_COVERED", "The contacted server does not support the indicated part of the DFS namespace.");
        add(STATUS_DFS_UNAVAILABLE, "STATUS_DFS_UNAVAILABLE", "DFS is unavailable on the contacted server.");
        add(STATUS_FILE_NOT_AVAILABLE, "STATUS_FILE_NOT_AVAILABLE", "The file is temporarily unavailable.");
        add(STATUS_PIPE_NOT_AVAILABLE, "STATUS_PIPE_NOT_AVAILABLE", "An instance of a named pipe cannot be found in the listening state.");
        add(STATUS_INVALID_PIPE_STATE, "STATUS_INVALID_PIPE_STATE", "The named pipe is not in the connected or closing state.");
        add(STATUS_PIPE_BUSY, "STATUS_PIPE_BUSY", "The specified pipe is set to complete operations and there are current I/O operations queued so that it cannot be changed to queue operations.");
        add(STATUS_PIPE_DISCONNECTED, "STATUS_PIPE_DISCONNECTED", "The specified named pipe is in the disconnected state.");
        add(STATUS_PIPE_CLOSING, "STATUS_PIPE_CLOSING", "The specified named pipe is in the closing state.");
        add(STATUS_PIPE_EMPTY, "STATUS_PIPE_EMPTY", "Used to indicate that a read operation was done on an empty pipe.");
        add(STATUS_PIPE_BROKEN, "STATUS_PIPE_BROKEN", "The pipe operation has failed because the other end of the pipe has been closed.");
        add(STATUS_SERVER_UNAVAILABLE, "STATUS_SERVER_UNAVAILABLE", "The file server is temporarily unavailable.");
        add(STATUS_SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP, "STATUS_SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP", "Server and client share no preauthentication integrity hash algorithm (MS-SMB2 3.3.5.4).");
        add(STATUS_SMB_BAD_CLUSTER_DIALECT, "STATUS_SMB_BAD_CLUSTER_DIALECT", "Dialect above the cluster's MaxClusterDialect (MS-SMB2 3.3.5.7).");
    }

    private NtStatus() {
    }

    /**
     * One known NTSTATUS value.
     *
     * @param value       the 32-bit code
     * @param name        the symbolic name, e.g. {@code STATUS_ACCESS_DENIED}
     * @param description the MS-ERREF description text
     */
    public record Info(int value, String name, String description) {
        /** The severity encoded in the top two bits. */
        public Severity severity() {
            return NtStatus.severity(value);
        }

        @Override
        public String toString() {
            return NtStatus.describe(value);
        }
    }

    /** MS-ERREF 2.3 Sev: the top two bits of an NTSTATUS. */
    public enum Severity {
        SUCCESS, INFORMATIONAL, WARNING, ERROR
    }

    private static void add(int value, String name, String description) {
        if (TABLE.put(value, new Info(value, name, description)) != null) {
            throw new ExceptionInInitializerError("duplicate NTSTATUS 0x" + Integer.toHexString(value));
        }
    }

    /** The table entry for a code, if it is one we know. */
    public static Optional<Info> lookup(int status) {
        return Optional.ofNullable(TABLE.get(status));
    }

    /** True if the code is in our table. */
    public static boolean isKnown(int status) {
        return TABLE.containsKey(status);
    }

    /** The symbolic name, or {@code 0x%08X} for a code we do not know. */
    public static String name(int status) {
        Info info = TABLE.get(status);
        return info != null ? info.name() : hex(status);
    }

    /** The MS-ERREF description, or empty for a code we do not know. */
    public static String description(int status) {
        Info info = TABLE.get(status);
        return info != null ? info.description() : "";
    }

    /** {@code "STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)"}; an unknown code prints as {@code "0xC0FFEE00"}. */
    public static String describe(int status) {
        Info info = TABLE.get(status);
        return info != null ? info.name() + " (" + hex(status) + ")" : hex(status);
    }

    /** The severity in the top two bits of the code. */
    public static Severity severity(int status) {
        return Severity.values()[status >>> 30];
    }

    /** NT_SUCCESS: severity success or informational (this includes STATUS_PENDING). */
    public static boolean isSuccess(int status) {
        return status >>> 30 <= 1;
    }

    /** Severity informational (01). */
    public static boolean isInformational(int status) {
        return status >>> 30 == 1;
    }

    /** Severity warning (10), e.g. STATUS_BUFFER_OVERFLOW, STATUS_NO_MORE_FILES. */
    public static boolean isWarning(int status) {
        return status >>> 30 == 2;
    }

    /** Severity error (11). */
    public static boolean isError(int status) {
        return status >>> 30 == 3;
    }

    private static String hex(int status) {
        return String.format("0x%08X", status);
    }
}
