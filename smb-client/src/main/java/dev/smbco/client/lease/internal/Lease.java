package dev.smbco.client.lease.internal;

import dev.smbco.client.internal.Route;
import dev.smbco.client.lease.LeaseBreak;
import dev.smbco.client.lease.LeaseState;
import dev.smbco.protocol.smb2.FileId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One lease (MS-SMB2 3.2.1.5 Lease) or one oplock on one open, as the {@link LeaseTable} records
 * it: its key, the state the server granted and the opens ({@link LeaseHold}s) that share it.
 * Internal: applications see {@link LeaseState} and {@link LeaseBreak}.
 */
public final class Lease {
    private final LeaseTable table;
    private final String unc;
    /** LeaseKey (MS-SMB2 2.2.13.2.8), or null for an oplock. */
    private final UUID key;
    /** The open an oplock belongs to (set once the CREATE answered), or null for a lease. */
    private volatile FileId oplockFileId;
    private volatile LeaseState state = LeaseState.NONE;
    private volatile int epoch;
    private final List<LeaseHold> holds = new CopyOnWriteArrayList<>();
    /** The route of the latest open, for acknowledging a break that comes after every open has gone. */
    private volatile Route lastRoute;

    Lease(LeaseTable table, String unc, UUID key) {
        this.table = table;
        this.unc = unc;
        this.key = key;
    }

    public String unc() {
        return unc;
    }

    /** The LeaseKey; null for an oplock. */
    public UUID key() {
        return key;
    }

    public boolean isOplock() {
        return key == null;
    }

    public LeaseState state() {
        return state;
    }

    public int epoch() {
        return epoch;
    }

    FileId oplockFileId() {
        return oplockFileId;
    }

    void oplockFileId(FileId id) {
        this.oplockFileId = id;
    }

    void state(LeaseState s) {
        this.state = s;
    }

    void epoch(int e) {
        this.epoch = e;
    }

    List<LeaseHold> holds() {
        return holds;
    }

    Route lastRoute() {
        return lastRoute;
    }

    /** A new open joins the lease (before its CREATE is sent, so a break racing the response finds it). */
    LeaseHold hold(Route route) {
        LeaseHold h = new LeaseHold(this, route);
        lastRoute = route;
        holds.add(h);
        return h;
    }

    void release(LeaseHold h) {
        holds.remove(h);
        table.released(this);
    }

    @Override
    public String toString() {
        return "Lease[" + unc + (key == null ? " oplock" : " " + key) + " " + state + "]";
    }
}
