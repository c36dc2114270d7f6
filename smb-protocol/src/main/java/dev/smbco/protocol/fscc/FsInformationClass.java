package dev.smbco.protocol.fscc;

import java.util.Optional;

/**
 * MS-FSCC 2.5 File System Information Classes: the FileInformationClass byte of an SMB2
 * QUERY_INFO or SET_INFO request with InfoType SMB2_0_INFO_FILESYSTEM.
 */
public enum FsInformationClass {
    FILE_FS_VOLUME_INFORMATION(1),
    FILE_FS_LABEL_INFORMATION(2),
    FILE_FS_SIZE_INFORMATION(3),
    FILE_FS_DEVICE_INFORMATION(4),
    FILE_FS_ATTRIBUTE_INFORMATION(5),
    FILE_FS_CONTROL_INFORMATION(6),
    FILE_FS_FULL_SIZE_INFORMATION(7),
    FILE_FS_OBJECT_ID_INFORMATION(8),
    FILE_FS_DRIVER_PATH_INFORMATION(9),
    FILE_FS_VOLUME_FLAGS_INFORMATION(10),
    FILE_FS_SECTOR_SIZE_INFORMATION(11);

    private final int id;

    FsInformationClass(int id) {
        this.id = id;
    }

    /** The wire value (1 byte in SMB2 requests). */
    public int id() {
        return id;
    }

    /** The class with this wire value, if it is one we know. */
    public static Optional<FsInformationClass> fromId(int id) {
        for (FsInformationClass c : values()) {
            if (c.id == id) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
