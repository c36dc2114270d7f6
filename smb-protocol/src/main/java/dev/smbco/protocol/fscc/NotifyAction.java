package dev.smbco.protocol.fscc;

import java.util.Optional;

/** MS-FSCC 2.7.1 FILE_NOTIFY_INFORMATION Action values. */
public enum NotifyAction {
    FILE_ACTION_ADDED(0x1),
    FILE_ACTION_REMOVED(0x2),
    FILE_ACTION_MODIFIED(0x3),
    FILE_ACTION_RENAMED_OLD_NAME(0x4),
    FILE_ACTION_RENAMED_NEW_NAME(0x5),
    FILE_ACTION_ADDED_STREAM(0x6),
    FILE_ACTION_REMOVED_STREAM(0x7),
    FILE_ACTION_MODIFIED_STREAM(0x8),
    FILE_ACTION_REMOVED_BY_DELETE(0x9),
    FILE_ACTION_ID_NOT_TUNNELLED(0xA),
    FILE_ACTION_TUNNELLED_ID_COLLISION(0xB);

    private final int value;

    NotifyAction(int value) {
        this.value = value;
    }

    /** The wire value (4 bytes). */
    public int value() {
        return value;
    }

    /** The action with this wire value, if known. */
    public static Optional<NotifyAction> fromValue(int value) {
        NotifyAction[] all = values();
        return value >= 1 && value <= all.length ? Optional.of(all[value - 1]) : Optional.empty();
    }
}
