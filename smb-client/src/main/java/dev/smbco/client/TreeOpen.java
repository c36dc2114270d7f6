package dev.smbco.client;

import dev.smbco.client.lease.internal.LeaseHold;
import dev.smbco.client.lease.LeaseState;
import dev.smbco.client.lease.internal.LeaseTable;
import dev.smbco.client.resilience.internal.DurableOpen;
import dev.smbco.client.resilience.internal.Resend;
import dev.smbco.client.resilience.ReconnectPolicy;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.smb2.CreateContext;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.smb2.CreateRequest;
import dev.smbco.protocol.smb2.CreateResponse;
import dev.smbco.protocol.smb2.ImpersonationLevel;
import dev.smbco.protocol.smb2.OplockLevel;
import dev.smbco.protocol.smb2.ShareCapabilities;
import dev.smbco.protocol.smb2.ShareType;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-SMB2 3.2.4.3 CREATE of an {@link SmbFile}: the lease or oplock it joins (3.2.4.3.8), the
 * durable handle it asks for when the connection reconnects (3.2.4.3.5 / 3.2.4.3.9), the replay
 * of a durable v2 CREATE whose answer was lost with the connection (3.2.4.1.1: same CreateGuid,
 * SMB2_FLAGS_REPLAY_OPERATION, so the server answers with the open it already made, 3.3.5.9.10),
 * and the undo that closes a handle nobody took.
 */
final class TreeOpen {
    private TreeOpen() {
    }

    static Request<SmbFile> send(SmbTree tree, String p, OpenOptions asked) {
        DurableOpen durable = durableFor(tree, asked);
        OpenOptions options = durable == null ? asked : asked.lease(withHandleCaching(tree, asked.lease()));
        LeaseHold lease = tree.joinLease(p, options);
        List<CreateContext> contexts = new ArrayList<>(options.contexts());
        int oplock = OplockLevel.NONE;
        if (lease != null) {
            CreateContext rqLs = LeaseTable.requestContext(lease, options.lease(), tree.negotiated().dialect());
            if (rqLs != null) {
                contexts.add(rqLs);
            }
            oplock = LeaseTable.oplockLevel(lease, options.lease());
        }
        if (durable != null) {
            contexts.add(durable.requestContext());
        }
        CreateRequest req = new CreateRequest(oplock, ImpersonationLevel.IMPERSONATION, options.access(), options.attributes(),
                options.shareAccess(), options.disposition(), options.options(), p, contexts);
        Resend.Attempt<SmbFile> create = replay -> tree.send(req, p, null, (header, body) -> {
            CreateResponse created = CreateResponse.decode(body);
            if (lease != null) {
                tree.session().connection().leases().granted(lease, created);
            }
            if (durable != null) {
                durable.granted(created);
            }
            return new SmbFile(tree, p, created, lease, durable == null ? null : new Reopen(req, durable, lease, options.lease()));
        }, (header, body) -> tree.closeUnclaimed(tree.unc(p), CreateResponse.decode(body).fileId()), replay);
        // a durable v2 CREATE lost with the connection goes again once it is back, under the same
        // CreateGuid: a replay when the first may have reached the server (Resend)
        Request<SmbFile> r = durable != null && durable.createGuid() != null
                ? Resend.idempotent(tree.loop(), Resend.tries(tree.config().reconnect()), create, SmbFile::closeSend) : create.send(false);
        if (lease == null) {
            return r;
        }
        return r.onDone(done -> {
            if (done.failure() != null || done.state() != RequestState.DONE) {
                lease.release(); // no open holds the lease: a later open of the path may start afresh
            }
        });
    }

    /**
     * A durable handle is asked for when the connection reconnects (a handle nobody comes back for
     * would only hold server state and share modes after a drop), for files on disk shares.
     */
    private static DurableOpen durableFor(SmbTree tree, OpenOptions options) {
        ReconnectPolicy policy = tree.config().reconnect();
        if (!policy.enabled() || (options.options() & CreateOptions.DIRECTORY_FILE) != 0 || tree.info().shareType() != ShareType.DISK) {
            return null;
        }
        boolean ca = (tree.info().capabilities() & ShareCapabilities.CONTINUOUS_AVAILABILITY) != 0;
        return DurableOpen.request(tree.negotiated().dialect(), ca, policy.durableTimeout());
    }

    /**
     * Servers grant durability only with a lease that caches the handle or a batch oplock (MS-SMB2
     * 3.3.5.9.6 / 3.3.5.9.10): the lease asked for gains H (R H when none was asked); without
     * leasing, a batch oplock (RWH).
     */
    private static LeaseState withHandleCaching(SmbTree tree, LeaseState asked) {
        Negotiated n = tree.negotiated();
        if (!LeaseTable.leasing(n.dialect(), n.capabilities()) || n.dialect() == Dialect.SMB2_02) {
            return LeaseState.RWH;
        }
        return asked == null ? LeaseState.RH : LeaseState.of(asked.bits() | LeaseState.RH.bits());
    }

    /**
     * What reopening the handle after a reconnection needs (MS-SMB2 3.2.4.4): the CREATE as first
     * sent, its durable request and its lease.
     */
    record Reopen(CreateRequest sent, DurableOpen durable, LeaseHold lease, LeaseState leaseAsked) {
        /** The reconnect CREATE for the handle {@code fileId}: the same name and lease key, DH2C/DHnC instead of DH2Q/DHnQ. */
        CreateRequest request(dev.smbco.protocol.smb2.FileId fileId, Dialect dialect) {
            List<CreateContext> contexts = new ArrayList<>();
            int oplock = OplockLevel.NONE;
            if (lease != null) {
                CreateContext rqLs = LeaseTable.requestContext(lease, leaseAsked, dialect);
                if (rqLs != null) {
                    contexts.add(rqLs);
                }
                oplock = LeaseTable.oplockLevel(lease, leaseAsked);
            }
            contexts.add(durable.reconnectContext(fileId));
            return new CreateRequest(oplock, ImpersonationLevel.IMPERSONATION, sent.desiredAccess(), sent.fileAttributes(),
                    sent.shareAccess(), dev.smbco.protocol.smb2.CreateDisposition.OPEN, sent.createOptions(), sent.name(), contexts);
        }
    }
}
