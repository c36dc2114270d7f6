package dev.smbco.client.lease.internal;

import dev.smbco.client.internal.Route;
import dev.smbco.client.lease.LeaseBreakListener;
import dev.smbco.client.lease.LeaseState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One open's share of a {@link Lease}: the route its acknowledgment may take and the listeners the
 * application registered on that open. Released when the open closes (or its CREATE failed).
 * Internal: the public face is {@code SmbFile.leaseState()} / {@code SmbFile.onLeaseBreak}.
 */
public final class LeaseHold {
    private final Lease lease;
    private final Route route;
    private final List<LeaseBreakListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean released;

    LeaseHold(Lease lease, Route route) {
        this.lease = lease;
        this.route = route;
    }

    public Lease lease() {
        return lease;
    }

    /** The lease's state now (shared with every open of the lease); NONE once released. */
    public LeaseState state() {
        return released ? LeaseState.NONE : lease.state();
    }

    Route route() {
        return route;
    }

    List<LeaseBreakListener> listeners() {
        return listeners;
    }

    public void addListener(LeaseBreakListener l) {
        listeners.add(java.util.Objects.requireNonNull(l, "listener"));
    }

    /** Idempotent. */
    public void release() {
        if (!released) {
            released = true;
            lease.release(this);
        }
    }
}
