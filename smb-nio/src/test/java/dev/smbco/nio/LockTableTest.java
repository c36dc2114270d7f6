package dev.smbco.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.OverlappingFileLockException;
import org.junit.jupiter.api.Test;

/** The ranges a file system's channels hold: overlaps as the JDK's FileLock counts them, per file, released by identity. */
class LockTableTest {
    private final LockTable table = new LockTable();
    private final Object a = new Object();
    private final Object b = new Object();

    @Test
    void anOverlappingRangeOfTheSameFileIsRefusedWhoeverHoldsIt() {
        table.reserve(1, a, 10, 5);
        assertThatThrownBy(() -> table.reserve(1, a, 14, 1)).isInstanceOf(OverlappingFileLockException.class);
        assertThatThrownBy(() -> table.reserve(1, b, 0, 11)).isInstanceOf(OverlappingFileLockException.class);
        table.reserve(1, b, 15, 5); // adjacent: [10,15) and [15,20) do not overlap
        table.reserve(1, b, 0, 10);
        table.reserve(2, b, 10, 5); // another file
    }

    @Test
    void rangesReachingPastLongMaxValueStillOverlap() {
        table.reserve(1, a, 20, Long.MAX_VALUE - 20);
        assertThatThrownBy(() -> table.reserve(1, b, Long.MAX_VALUE - 1, Long.MAX_VALUE))
                .isInstanceOf(OverlappingFileLockException.class);
        table.reserve(1, b, 0, 20);
    }

    @Test
    void releasedAndClosedRangesAreFree() {
        LockTable.Entry first = table.reserve(1, a, 0, 4);
        table.reserve(1, a, 8, 4);
        table.reserve(1, b, 4, 4);
        table.remove(1, first);
        assertThat(table.reserve(1, b, 0, 4)).isNotNull();
        table.removeAll(1, a);
        assertThat(table.reserve(1, b, 8, 4)).isNotNull();
        assertThatThrownBy(() -> table.reserve(1, a, 5, 1)).isInstanceOf(OverlappingFileLockException.class);
    }
}
