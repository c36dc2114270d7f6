package dev.smbco.client.lease.internal;

import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.Sender;
import dev.smbco.client.lease.LeaseBreak;
import dev.smbco.client.lease.LeaseBreakListener;
import dev.smbco.client.lease.LeaseState;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.smb2.Capabilities;
import dev.smbco.protocol.smb2.CreateContext;
import dev.smbco.protocol.smb2.CreateResponse;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.LeaseBreakAcknowledgment;
import dev.smbco.protocol.smb2.LeaseBreakNotification;
import dev.smbco.protocol.smb2.OplockBreakAcknowledgment;
import dev.smbco.protocol.smb2.OplockBreakNotification;
import dev.smbco.protocol.smb2.OplockLevel;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases and oplocks of one connection (MS-SMB2 3.2.1.5 LeaseTable): one lease key per open
 * path, shared by every open of that path on the connection, so that they hold one lease and the
 * server never breaks the client's own opens against each other; oplocks by FileId.
 *
 * <p>Breaks arrive unsolicited (MessageId 0xFFFFFFFFFFFFFFFF) and are dispatched from one place,
 * {@link #onUnsolicited}, on the connection's event loop (MS-SMB2 3.2.5.19): the listeners of every
 * open of the lease run and may return work (writing back dirty data); when all of it has
 * completed the break is acknowledged (2.2.24.2 / 2.2.24.1) and the recorded state drops to the
 * one the server broke to. A break for a key the table does not know is ignored with a debug line.
 *
 * <p>Internal (the public face is {@code SmbFile.leaseState()} and {@code SmbFile.onLeaseBreak}).
 */
public final class LeaseTable {
    private static final Logger log = LoggerFactory.getLogger(LeaseTable.class);

    private final Sender sender;
    private final String peer;
    private final Duration ackTimeout;
    private final Map<String, Lease> byPath = new ConcurrentHashMap<>();
    private final Map<UUID, Lease> byKey = new ConcurrentHashMap<>();
    private final Map<FileId, Lease> byFileId = new ConcurrentHashMap<>();

    /** @param ackTimeout how long an acknowledgment may wait for its response */
    public LeaseTable(Sender sender, String peer, Duration ackTimeout) {
        this.sender = sender;
        this.peer = peer;
        this.ackTimeout = ackTimeout;
    }

    // ------------------------------------------------------------------ opening

    /** Leases need dialect 2.1+ and the server's SMB2_GLOBAL_CAP_LEASING (MS-SMB2 3.2.4.3.8); else oplocks. */
    public static boolean leasing(Dialect dialect, int serverCapabilities) {
        return dialect != Dialect.SMB2_02 && (serverCapabilities & Capabilities.LEASING) != 0;
    }

    /**
     * An open of {@code unc} that asks for {@code wanted} joins the table before its CREATE is sent:
     * with a lease, the path's lease (the same key as the other opens of the path); else an oplock of
     * its own.
     */
    public LeaseHold join(String unc, Route route, boolean leasing) {
        if (!leasing) {
            return new Lease(this, unc, null).hold(route);
        }
        Lease lease = byPath.compute(pathKey(unc), (k, existing) -> existing != null ? existing : newLease(unc));
        synchronized (lease) {
            if (byPath.get(pathKey(unc)) != lease) { // released meanwhile: start again
                return join(unc, route, true);
            }
            return lease.hold(route);
        }
    }

    private Lease newLease(String unc) {
        Lease lease = new Lease(this, unc, UUID.randomUUID());
        byKey.put(lease.key(), lease);
        return lease;
    }

    /**
     * The CREATE's lease request: RqLs v2 for SMB 3.x (MS-SMB2 2.2.13.2.10), v1 for 2.1
     * (2.2.13.2.8); null for an oplock (the level goes in RequestedOplockLevel, see {@link #oplockLevel}).
     */
    public static CreateContext requestContext(LeaseHold hold, LeaseState wanted, Dialect dialect) {
        Lease lease = hold.lease();
        if (lease.isOplock()) {
            return null;
        }
        if (dialect.isSmb3()) {
            return new CreateContext.LeaseV2(lease.key(), wanted.bits(), 0, 0, new UUID(0, 0), lease.epoch());
        }
        return new CreateContext.LeaseV1(lease.key(), wanted.bits(), 0, 0);
    }

    /** RequestedOplockLevel for the CREATE (MS-SMB2 2.2.13): LEASE, or the oplock that matches {@code wanted}. */
    public static int oplockLevel(LeaseHold hold, LeaseState wanted) {
        if (!hold.lease().isOplock()) {
            return OplockLevel.LEASE;
        }
        if (wanted.writeCaching()) {
            return wanted.handleCaching() ? OplockLevel.BATCH : OplockLevel.EXCLUSIVE;
        }
        return wanted.readCaching() ? OplockLevel.II : OplockLevel.NONE;
    }

    /** Records what the CREATE response granted (MS-SMB2 3.2.5.5: the RqLs response context or OplockLevel). */
    public void granted(LeaseHold hold, CreateResponse response) {
        Lease lease = hold.lease();
        if (lease.isOplock()) {
            LeaseState s = ofOplock(response.oplockLevel());
            lease.state(s);
            if (!s.equals(LeaseState.NONE)) {
                lease.oplockFileId(response.fileId());
                byFileId.put(response.fileId(), lease);
            }
            return;
        }
        if (response.oplockLevel() != OplockLevel.LEASE) {
            return; // the server granted no lease (e.g. a directory, or leases off): the state stays as it was
        }
        response.context(CreateContext.LeaseV2.class).ifPresentOrElse(v2 -> {
            lease.state(LeaseState.of(v2.leaseState()));
            lease.epoch(v2.epoch());
        }, () -> response.context(CreateContext.LeaseV1.class).ifPresent(v1 -> lease.state(LeaseState.of(v1.leaseState()))));
        log.debug("{}: lease {} on {} is {}", peer, lease.key(), lease.unc(), lease.state());
    }

    /** The last open of a lease went: forget it (a later open of the path starts a new lease). */
    void released(Lease lease) {
        synchronized (lease) {
            if (!lease.holds().isEmpty()) {
                return;
            }
            if (lease.isOplock()) {
                FileId id = lease.oplockFileId();
                if (id != null) {
                    byFileId.remove(id, lease);
                }
                return;
            }
            byPath.remove(pathKey(lease.unc()), lease);
            byKey.remove(lease.key(), lease);
        }
    }

    /** How many leases and oplocks the table holds (for tests). */
    public int size() {
        return byKey.size() + byFileId.size();
    }

    private static String pathKey(String unc) {
        return unc.toLowerCase(Locale.ROOT); // SMB paths compare case-insensitively on the servers we know
    }

    private static LeaseState ofOplock(int level) {
        return switch (level) {
            case OplockLevel.BATCH -> LeaseState.RWH;
            case OplockLevel.EXCLUSIVE -> LeaseState.RW;
            case OplockLevel.II -> LeaseState.R;
            default -> LeaseState.NONE;
        };
    }

    // ------------------------------------------------------------------ breaks (on the loop)

    /**
     * MS-SMB2 3.2.5.19: one unsolicited message (the engine keeps and releases {@code message}).
     * OPLOCK_BREAK bodies are told apart by StructureSize; a malformed one is an {@link
     * SmbProtocolException} (the engine then closes the connection, as for any malformed response).
     */
    public void onUnsolicited(Smb2Header header, ByteBuf message) {
        if (header.command() != Command.OPLOCK_BREAK) {
            log.debug("{}: ignoring unsolicited {}", peer, header.command());
            return;
        }
        ByteBuf body = message.duplicate(); // the decoders read the body with its header in front (Body.start)
        body.skipBytes(Smb2Header.SIZE);
        int size = body.readableBytes() >= 2 ? body.getUnsignedShortLE(body.readerIndex()) : -1;
        try {
            if (size == LeaseBreakNotification.STRUCTURE_SIZE) {
                onLeaseBreak(LeaseBreakNotification.decode(body));
            } else if (size == OplockBreakNotification.STRUCTURE_SIZE) {
                onOplockBreak(OplockBreakNotification.decode(body));
            } else {
                throw new SmbDecodeException("OPLOCK_BREAK notification", "StructureSize", size + " is neither 24 nor 44");
            }
        } catch (SmbDecodeException e) {
            throw new SmbProtocolException("malformed break notification from " + peer + ": " + e.getMessage(), e);
        }
    }

    /** MS-SMB2 3.2.5.19.2. */
    private void onLeaseBreak(LeaseBreakNotification n) {
        Lease lease = byKey.get(n.leaseKey());
        if (lease == null) {
            log.debug("{}: lease break for unknown lease key {}: ignored", peer, n.leaseKey());
            return;
        }
        LeaseState from = lease.state();
        LeaseState to = LeaseState.of(n.newLeaseState());
        boolean ack = (n.flags() & LeaseBreakNotification.ACK_REQUIRED) != 0;
        lease.epoch(n.newEpoch());
        log.debug("{}: lease break on {}: {} -> {}{}", peer, lease.unc(), from, to, ack ? " (ack required)" : "");
        LeaseBreak event = new LeaseBreak(lease.unc(), from, to, ack, false);
        afterListeners(lease, event, () -> {
            lease.state(to);
            if (ack) {
                acknowledge(lease, new LeaseBreakAcknowledgment(0, lease.key(), to.bits(), 0), "LEASE_BREAK ack");
            }
        });
    }

    /** MS-SMB2 3.2.5.19.1. */
    private void onOplockBreak(OplockBreakNotification n) {
        Lease lease = byFileId.get(n.fileId());
        if (lease == null) {
            log.debug("{}: oplock break for unknown file id {}: ignored", peer, n.fileId());
            return;
        }
        LeaseState from = lease.state();
        LeaseState to = ofOplock(n.oplockLevel());
        log.debug("{}: oplock break on {}: {} -> {}", peer, lease.unc(), from, to);
        LeaseBreak event = new LeaseBreak(lease.unc(), from, to, true, true);
        afterListeners(lease, event, () -> {
            lease.state(to);
            acknowledge(lease, new OplockBreakAcknowledgment(n.oplockLevel(), n.fileId()), "OPLOCK_BREAK ack");
        });
    }

    /** Runs every listener of every open of the lease, then {@code then} once all the work they returned has ended. */
    private void afterListeners(Lease lease, LeaseBreak event, Runnable then) {
        List<Request<?>> work = new ArrayList<>();
        for (LeaseHold h : lease.holds()) {
            for (LeaseBreakListener l : h.listeners()) {
                try {
                    Request<?> r = l.onBreak(event);
                    if (r != null) {
                        work.add(r);
                    }
                } catch (RuntimeException e) {
                    log.warn("{}: a lease break listener for {} failed; acknowledging anyway", peer, lease.unc(), e);
                }
            }
        }
        if (work.isEmpty()) {
            then.run();
            return;
        }
        AtomicInteger left = new AtomicInteger(work.size());
        for (Request<?> r : work) {
            r.onDone(done -> {
                if (done.failure() != null) {
                    log.warn("{}: write-back before the lease break ack on {} failed: {}", peer, lease.unc(), done.failure().toString());
                }
                if (left.decrementAndGet() == 0) {
                    then.run();
                }
            });
        }
    }

    private void acknowledge(Lease lease, Smb2Request ack, String what) {
        Route route = lease.holds().stream().findFirst().map(LeaseHold::route).orElse(lease.lastRoute());
        if (route == null) {
            log.debug("{}: no route to acknowledge the break on {}", peer, lease.unc());
            return;
        }
        sender.send(ack, route, what + " " + lease.unc(), lease.unc(), ackTimeout, null, (header, body) -> null)
                .onDone(r -> {
                    if (r.failure() != null) { // e.g. the break ended meanwhile (STATUS_UNSUCCESSFUL), or the connection went
                        log.debug("{}: {} on {}: {}", peer, what, lease.unc(), r.failure().toString());
                    }
                });
    }
}
