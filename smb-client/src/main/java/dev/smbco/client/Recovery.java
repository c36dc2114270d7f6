package dev.smbco.client;

import dev.smbco.client.engine.NettyLoop;
import dev.smbco.client.internal.Route;
import dev.smbco.client.resilience.ReconnectPolicy;
import dev.smbco.client.resilience.internal.Reconnector;
import dev.smbco.client.resilience.internal.SendGate;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.smb2.CreateRequest;
import dev.smbco.protocol.smb2.CreateResponse;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.ShareFlags;
import dev.smbco.protocol.smb2.TreeConnectRequest;
import dev.smbco.protocol.smb2.TreeConnectResponse;
import dev.smbco.protocol.status.NtStatus;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconnection attempt of an {@link SmbConnection} (MS-SMB2 3.2.4.4 and 3.2.4.2): a new TCP
 * connection to the same address on the same event loop, NEGOTIATE (refusing anything weaker than
 * before), SESSION_SETUP of every session with its credentials (PreviousSessionId naming the lost
 * one), TREE_CONNECT of every tree, and CREATE with DH2C/DHnC of every durable handle. Nothing of
 * the sessions, trees and files changes until every step has succeeded; then all take their new
 * routes and FileIds at once. A file whose handle the server refuses to reopen (or that had none
 * durable) is marked lost; only it fails from then on. Lives here, not in {@code resilience}, as it
 * needs the package's internals of sessions, trees and files.
 */
final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final SmbConnection conn;
    private final Rebinding rebinding;

    private Recovery(SmbConnection conn, Rebinding rebinding) {
        this.conn = conn;
        this.rebinding = rebinding;
    }

    /** Installs the gate and the state machine on a connection whose configuration reconnects. */
    static Reconnector install(SmbConnection conn) {
        ReconnectPolicy policy = conn.config().reconnect();
        Rebinding rebinding = new Rebinding(conn.opens());
        SendGate gate = new SendGate(conn.host() + ":" + conn.port(), rebinding);
        conn.sender().gate(gate);
        Recovery recovery = new Recovery(conn, rebinding);
        java.net.InetSocketAddress[] address = {null};
        return new Reconnector(policy, conn.host() + ":" + conn.port(), (NettyLoop) conn.loop(), gate, () -> {
            if (address[0] == null) {
                address[0] = conn.remoteAddress();
            }
            return recovery.attempt(address[0]);
        });
    }

    /** What a session becomes: its new route, and its trees' new routes. */
    private record SessionPlan(SmbSession session, Route route, Map<SmbTree, Route> trees) {
    }

    Request<Void> attempt(java.net.InetSocketAddress address) {
        Negotiated before = conn.negotiated();
        return Coroutine.start(conn.loop(), co -> {
            Channel ch = co.await(conn.client().reconnectChannel(conn, address));
            conn.rebind(ch);
            boolean done = false;
            try {
                Negotiated now = co.await(conn.negotiateSend());
                refuseDowngrade(before, now);
                List<SessionPlan> plans = new ArrayList<>();
                Map<SmbFile, Object> files = new IdentityHashMap<>(); // FileId or SmbHandleLostException
                long[] releaseWaited = {0}; // one budget for the whole attempt: the lost session lets all its opens go at once
                for (SmbSession s : conn.opens().sessions()) {
                    Route old = s.route();
                    SessionSetup.Authenticated a = co.await(SessionSetup.authenticate(conn, s.credentials(), old.sessionId()));
                    if (old.sign() && !a.route().sign() || old.encrypt() && !a.route().encrypt()) {
                        throw new SmbDowngradeException("reconnect to " + conn.host() + ": session 0x" + Long.toHexString(old.sessionId())
                                + " was " + (old.encrypt() ? "encrypted" : "signed") + " and would no longer be; refused");
                    }
                    Map<SmbTree, Route> trees = new IdentityHashMap<>();
                    for (SmbTree t : conn.opens().trees(s)) {
                        Route tr = co.await(treeConnect(a.route(), t));
                        trees.put(t, tr);
                        for (SmbFile f : conn.opens().files(t)) {
                            files.put(f, reopenOnceReleased(co, tr, f, now.dialect(), releaseWaited));
                        }
                    }
                    plans.add(new SessionPlan(s, a.route(), trees));
                }
                commit(plans, files);
                done = true;
                return null;
            } finally {
                if (!done) {
                    ch.close(); // this attempt's connection; the next attempt makes another
                }
            }
        });
    }

    /** MS-SMB2 3.2.4.2.4 TREE_CONNECT of a tree on the new session; on 3.1.1 signed (3.2.4.1.1). */
    private Request<Route> treeConnect(Route session, SmbTree t) {
        String unc = t.unc("");
        Route connectRoute = conn.negotiated().dialect() == Dialect.SMB3_11 && session.security() != null && !session.sign()
                ? new Route(session.sessionId(), 0, session.security(), true, session.encrypt()) : session;
        return conn.sender().send(TreeConnectRequest.of(unc), connectRoute, "TREE_CONNECT (reconnect) " + unc, unc,
                conn.config().requestTimeout(), null, (header, body) -> {
                    TreeConnectResponse r = TreeConnectResponse.decode(body);
                    return session.withTree(header.treeId(), (r.shareFlags() & ShareFlags.ENCRYPT_DATA) != 0);
                });
    }

    /**
     * {@link #reopen} again after each of {@link #RELEASE_WAITS} while the server answers
     * STATUS_OBJECT_NAME_NOT_FOUND. Samba (4.17 at least) gives that answer both for an open it no
     * longer holds and for one the server process of the lost connection has not yet let go: that
     * process deletes the lost session (which lets the new SESSION_SETUP through) before it marks
     * the session's opens disconnected, and refuses a reconnect to an open not so marked. A
     * reconnection quick enough meets that window: the uploads cut in DurableThroughCutsTest and
     * ReconnectTest lost their handles so on a loaded CI machine, the second after 0.8 s of asking.
     * The waits of one attempt share one budget ({@code waited}, across all its files, as the lost
     * session lets all its opens go together): {@link #RELEASE_BUDGET_MS}, and never more than a
     * third of the request timeout (a caller that set a short one wants to hear of a lost handle
     * soon). A handle truly gone is declared lost that much later.
     */
    private Object reopenOnceReleased(dev.smbco.coro.Co co, Route tree, SmbFile f, Dialect dialect, long[] waited) {
        Object outcome = co.await(reopen(tree, f, dialect));
        long budget = Math.min(RELEASE_BUDGET_MS, conn.config().requestTimeout().toMillis() / 3);
        for (int i = 0; notFound(outcome); i++) {
            long wait = RELEASE_WAITS[Math.min(i, RELEASE_WAITS.length - 1)];
            if (waited[0] + wait > budget) {
                break;
            }
            log.debug("{}: durable handle not released by the lost connection yet; again in {} ms", f.unc(), wait);
            co.await(dev.smbco.coro.Requests.sleep(conn.loop(), java.time.Duration.ofMillis(wait)));
            waited[0] += wait;
            outcome = co.await(reopen(tree, f, dialect));
        }
        if (outcome instanceof SmbHandleLostException lost) {
            log.warn("{}: {}", f.unc(), lost.reason());
        }
        return outcome;
    }

    /** Waits in milliseconds between reopens refused as not found; the last repeats until the budget is spent. */
    private static final long[] RELEASE_WAITS = {25, 50, 100, 200, 400};

    /**
     * The most a reopen refused as not found is asked again for: the smbd of the lost connection
     * may be busy for seconds with the WRITEs it had queued before it lets the open go (a 64 MiB
     * upload cut on a loaded CI machine needed more than the 0.8 s this once was).
     */
    private static final long RELEASE_BUDGET_MS = 5_000;

    private static boolean notFound(Object outcome) {
        return outcome instanceof SmbHandleLostException lost && lost.getCause() instanceof SmbStatusException e
                && e.status() == NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
    }

    /**
     * MS-SMB2 3.2.4.4: reopen a durable handle with DH2C/DHnC (same CreateGuid, same lease key).
     * Completes with the new FileId, or with the {@link SmbHandleLostException} that the file fails
     * with from now on (the attempt itself goes on).
     */
    private Request<Object> reopen(Route tree, SmbFile f, Dialect dialect) {
        TreeOpen.Reopen r = f.reopen();
        if (r == null || !r.durable().isGranted()) {
            return dev.smbco.coro.Requests.completed(conn.loop(), new SmbHandleLostException(
                    "the handle was not durable and was lost with the connection", null));
        }
        CreateRequest req = r.request(f.fileId(), dialect);
        String what = "CREATE (durable reconnect) " + f.unc();
        return conn.sender().send(req, tree, what, f.unc(), conn.config().requestTimeout(), status -> true, (header, body) -> {
            if (header.status() != 0) {
                return new SmbHandleLostException("durable handle could not be reopened (" + NtStatus.name(header.status()) + ")",
                        dev.smbco.client.internal.StatusErrors.of(header.status(), dev.smbco.protocol.Command.CREATE, f.unc()));
            }
            CreateResponse created = CreateResponse.decode(body);
            if (r.lease() != null) {
                conn.leases().granted(r.lease(), created);
            }
            log.debug("{}: durable handle reopened ({} -> {})", f.unc(), f.fileId(), created.fileId());
            return created.fileId();
        });
    }

    /** Every step succeeded: sessions, trees and files take their new routes and handles at once (on the loop). */
    private void commit(List<SessionPlan> plans, Map<SmbFile, Object> files) {
        for (SessionPlan p : plans) {
            long old = p.session().sessionId();
            conn.unregister(old);
            p.session().rebind(p.route());
            if (!p.session().isGuest() && !p.session().isAnonymous()) {
                conn.register(p.session());
            }
            if (p.route().sessionId() == old) {
                rebinding.reused(old);
            }
            p.trees().forEach(SmbTree::rebind);
        }
        files.forEach((f, outcome) -> {
            if (outcome instanceof FileId id) {
                f.reopened(id);
            } else {
                f.lost((SmbHandleLostException) outcome);
            }
        });
    }

    /**
     * A reconnection must not end weaker than the connection was (MS-SMB2 gives a man in the
     * middle who cuts the connection no say over the next NEGOTIATE): a lower dialect, signing no
     * longer required, or no cipher where there was one is refused.
     */
    private void refuseDowngrade(Negotiated before, Negotiated now) {
        String why = null;
        if (now.dialect().compareTo(before.dialect()) < 0) {
            why = "dialect " + now.dialect().version() + " is below the " + before.dialect().version() + " negotiated before";
        } else if (before.signingRequired() && !now.signingRequired()) {
            why = "the server no longer requires signing";
        } else if (before.cipher() != null && now.cipher() == null) {
            why = "the server no longer offers encryption (" + before.cipher() + " before)";
        }
        if (why != null) {
            throw new SmbDowngradeException("reconnect to " + conn.host() + ":" + conn.port() + " refused: " + why);
        }
    }
}
