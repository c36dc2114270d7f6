package dev.smbco.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.LockRange;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbStatusException;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.protocol.status.NtStatus;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Byte-range locks between two connections. */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class LockTest {

    @Test
    void aHeldLockRefusesAFailImmediatelyLockAndReleasesAWaitingOneOnUnlock(SambaServer server) {
        OpenOptions shared = OpenOptions.readWrite().withShareAccess(ShareAccess.ALL);
        try (Ops a = Ops.open(server); Ops b = Ops.open(server)) {
            String name = Ops.unique("lock") + ".bin";
            try (SmbFile fa = a.tree.open(name, shared); SmbFile fb = b.tree.open(name, shared)) {
                fa.write(0, new byte[100]);
                LockRange range = LockRange.exclusive(10, 20);
                fa.lock(range, true);

                assertThatThrownBy(() -> fb.lock(LockRange.exclusive(15, 5), true))
                        .isInstanceOf(SmbStatusException.class)
                        .satisfies(e -> assertThat(((SmbStatusException) e).status()).isEqualTo(NtStatus.STATUS_LOCK_NOT_GRANTED))
                        .hasMessageContaining("STATUS_LOCK_NOT_GRANTED");
                // a range that does not overlap is free; shared locks on it coexist
                fb.lock(LockRange.shared(50, 10), true);
                fa.lock(LockRange.shared(50, 10), true);

                Request<Void> waiting = fb.lockSend(LockRange.exclusive(15, 5), false);
                b.conn.echo(); // the server has the waiting lock queued (pending) by now
                assertThat(waiting.state()).isEqualTo(RequestState.IN_PROGRESS);
                fa.unlock(range);
                waiting.withTimeout(Duration.ofSeconds(10)).await();
                assertThat(waiting.state()).isEqualTo(RequestState.DONE);

                // now a holds nothing there and b does: the tables have turned
                assertThatThrownBy(() -> fa.lock(LockRange.shared(16, 1), true))
                        .isInstanceOf(SmbStatusException.class)
                        .hasMessageContaining("STATUS_LOCK_NOT_GRANTED");
                fb.unlock(LockRange.exclusive(15, 5));
                fa.lock(LockRange.shared(16, 1), true);
            }
            a.tree.delete(name);
        }
    }

    @Test
    void aWaitingLockCanBeCancelled(SambaServer server) {
        OpenOptions shared = OpenOptions.readWrite().withShareAccess(ShareAccess.ALL);
        try (Ops a = Ops.open(server); Ops b = Ops.open(server)) {
            String name = Ops.unique("lock") + ".bin";
            try (SmbFile fa = a.tree.open(name, shared); SmbFile fb = b.tree.open(name, shared)) {
                fa.lock(LockRange.exclusive(0, 10), true);
                Request<Void> waiting = fb.lockSend(LockRange.exclusive(0, 10), false);
                b.conn.echo();
                assertThat(waiting.cancel()).isTrue();
                assertThatThrownBy(waiting::await).isInstanceOf(RuntimeException.class);
                assertThat(waiting.state()).isEqualTo(RequestState.CANCELLED);
            }
            a.tree.delete(name);
        }
    }
}
