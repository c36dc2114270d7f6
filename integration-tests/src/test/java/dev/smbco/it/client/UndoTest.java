package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.LockRange;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request that creates server state (an open, a tree, a lock) whose caller stopped waiting
 * before the reply came: when the late success arrives the client undoes it (CLOSE,
 * TREE_DISCONNECT, UNLOCK), so a second, fresh connection finds the file free again. The reply
 * is held back by the FaultProxy until the caller has given up.
 */
@ExtendWith(SambaExtension.class)
class UndoTest {
    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Exclusive: no sharing at all, so a handle left open refuses every other open. */
    private static final OpenOptions EXCLUSIVE = OpenOptions.readWrite().withShareAccess(0).withDisposition(CreateDisposition.OPEN_IF);

    /** A rule that only watches: forwards the nth matching frame unchanged and records its status. */
    private static FrameRule watch(FaultProxy proxy, Command command, AtomicInteger status) {
        return proxy.serverToClient().rewrite(Frames.finalResponse(command.code()), 1, frame -> {
            status.set(Frames.status(frame));
            return frame;
        });
    }

    /** What a test that gives up on a CREATE gets: the connection, the file name, the rule holding the reply. */
    private record GiveUp(Smb smb, String name, FrameRule held) {
    }

    /** Waits (bounded) until {@code r} has ended, however. */
    private static RequestState awaitEnd(Request<?> r) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        r.onDone(x -> done.countDown());
        assertThat(done.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).as("the request ended").isTrue();
        return r.state();
    }

    /** Runs {@code giveUp} through a proxy that holds the first final CREATE response until it has given up. */
    private void createGivenUp(SambaServer server, Function<GiveUp, Request<?>> giveUp) throws Exception {
        String name = Smb.uniqueDir("undo-create") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server), SmbConfig.builder().requestTimeout(SHORT).build(), server.share())) {
            FrameRule held = proxy.serverToClient().hold(Frames.finalResponse(Command.CREATE.code()), 1);
            AtomicInteger closeStatus = new AtomicInteger(-1);
            FrameRule close = watch(proxy, Command.CLOSE, closeStatus);
            Request<?> r = giveUp.apply(new GiveUp(smb, name, held));
            assertThat(held.awaitFired(WAIT)).as("the CREATE was answered (and held)").isTrue();
            assertThat(awaitEnd(r)).isNotEqualTo(RequestState.DONE);
            held.release();
            assertThat(close.awaitFired(WAIT)).as("a CLOSE undid the open nobody took").isTrue();
            assertThat(closeStatus.get()).isZero();
            try (Smb other = Smb.open(server); SmbFile f = other.tree.open(name, EXCLUSIVE)) {
                assertThat(f.isOpen()).isTrue();
            }
        }
        try (Smb direct = Smb.open(server)) {
            direct.tree.delete(name);
        }
    }

    @Test
    void aCreateThatTimedOutIsClosedWhenItsReplyComesLate(SambaServer server) throws Exception {
        createGivenUp(server, s -> {
            Request<SmbFile> open = s.smb().tree.openSend(s.name(), EXCLUSIVE);
            assertThatThrownBy(open::await).isInstanceOf(SmbTimeoutException.class);
            return open;
        });
    }

    @Test
    void aCancelledCoroutineAwaitingOpenClosesTheFileItNeverReceived(SambaServer server) throws Exception {
        createGivenUp(server, s -> {
            Request<String> co = Coroutine.start(s.smb().client.loop(), c -> {
                try (SmbFile f = c.await(s.smb().tree.openSend(s.name(), EXCLUSIVE))) {
                    return f.path();
                }
            });
            try {
                assertThat(s.held().awaitFired(WAIT)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(co.cancel()).isTrue();
            return co;
        });
    }

    @Test
    void aTimedOutCoroutineAwaitingOpenClosesTheFileItNeverReceived(SambaServer server) throws Exception {
        createGivenUp(server, s -> Coroutine.start(s.smb().client.loop(), c -> {
            try (SmbFile f = c.await(s.smb().tree.openSend(s.name(), EXCLUSIVE))) {
                return f.path();
            }
        }).withTimeout(Duration.ofMillis(500)));
    }

    @Test
    void aTreeConnectThatTimedOutIsDisconnectedWhenItsReplyComesLate(SambaServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server), SmbConfig.builder().requestTimeout(SHORT).build(), server.share())) {
            FrameRule held = proxy.serverToClient().hold(Frames.finalResponse(Command.TREE_CONNECT.code()), 1);
            AtomicInteger status = new AtomicInteger(-1);
            FrameRule disconnect = watch(proxy, Command.TREE_DISCONNECT, status);
            Request<?> connect = smb.session.treeConnectSend(server.share());
            assertThat(held.awaitFired(WAIT)).isTrue();
            assertThatThrownBy(connect::await).isInstanceOf(SmbTimeoutException.class);
            held.release();
            assertThat(disconnect.awaitFired(WAIT)).as("a TREE_DISCONNECT undid the tree nobody took").isTrue();
            assertThat(status.get()).as("the server knew the tree").isZero();
        }
    }

    @Test
    void aLockThatTimedOutIsUnlockedWhenItsReplyComesLate(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("undo-lock") + ".bin";
        OpenOptions shared = OpenOptions.readWrite().withShareAccess(ShareAccess.ALL).withDisposition(CreateDisposition.OPEN_IF);
        LockRange range = LockRange.exclusive(10, 20);
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server), SmbConfig.builder().requestTimeout(SHORT).build(), server.share());
             SmbFile f = smb.tree.open(name, shared)) {
            f.write(0, new byte[100]);
            FrameRule held = proxy.serverToClient().hold(Frames.finalResponse(Command.LOCK.code()), 1);
            AtomicInteger status = new AtomicInteger(-1);
            FrameRule unlock = watch(proxy, Command.LOCK, status); // the hold takes the first LOCK reply, this the next
            Request<Void> lock = f.lockSend(range, true);
            assertThat(held.awaitFired(WAIT)).isTrue();
            assertThatThrownBy(lock::await).isInstanceOf(SmbTimeoutException.class);
            held.release();
            assertThat(unlock.awaitFired(WAIT)).as("an UNLOCK undid the lock nobody took").isTrue();
            assertThat(status.get()).isZero();
            try (Smb other = Smb.open(server); SmbFile g = other.tree.open(name, shared)) {
                g.lock(range, true);
                g.unlock(range);
            }
        }
        try (Smb direct = Smb.open(server)) {
            direct.tree.delete(name);
        }
    }
}
