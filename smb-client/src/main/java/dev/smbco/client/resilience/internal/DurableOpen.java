package dev.smbco.client.resilience.internal;

import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.smb2.CreateContext;
import dev.smbco.protocol.smb2.CreateResponse;
import dev.smbco.protocol.smb2.FileId;
import java.time.Duration;
import java.util.UUID;

/**
 * The durable-handle side of one open (MS-SMB2 3.2.4.3.5 / 3.2.4.3.9): what its CREATE asks for,
 * whether the server granted it, and the context that reclaims it after a reconnection (3.2.4.4).
 * SMB 3.x asks with DH2Q (2.2.13.2.11) under a CreateGuid of its own, persistent when the share is
 * continuously available; SMB 2.x with DHnQ (2.2.13.2.3). Servers grant durability only with a
 * batch oplock or a lease that caches the handle (H), so opens that ask for one also ask for H.
 */
public final class DurableOpen {
    private final boolean v2;
    private final boolean persistent;
    private final UUID createGuid;
    private final int timeoutMillis;
    private volatile boolean granted;
    private volatile int grantedTimeout;

    private DurableOpen(boolean v2, boolean persistent, UUID createGuid, int timeoutMillis) {
        this.v2 = v2;
        this.persistent = persistent;
        this.createGuid = createGuid;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A durable request for an open on a connection of {@code dialect}: v2 for 3.x, persistent when
     * the share has SMB2_SHARE_CAP_CONTINUOUS_AVAILABILITY, v1 for 2.x.
     */
    public static DurableOpen request(Dialect dialect, boolean continuouslyAvailable, Duration timeout) {
        boolean v2 = dialect.isSmb3();
        return new DurableOpen(v2, v2 && continuouslyAvailable, v2 ? UUID.randomUUID() : null, (int) Math.min(0xFFFFFFFFL, timeout.toMillis()));
    }

    /** The CREATE's context: DH2Q (MS-SMB2 2.2.13.2.11) or DHnQ (2.2.13.2.3). */
    public CreateContext requestContext() {
        if (v2) {
            return new CreateContext.DurableHandleRequestV2(timeoutMillis,
                    persistent ? CreateContext.DurableHandleRequestV2.PERSISTENT : 0, createGuid);
        }
        return new CreateContext.DurableHandleRequest();
    }

    /**
     * Records the CREATE response: durable when it carries the matching response context (MS-SMB2
     * 2.2.14.2.12 DH2Q, 2.2.14.2.3 DHnQ; 3.2.5.5).
     */
    public boolean granted(CreateResponse response) {
        if (v2) {
            response.context(CreateContext.DurableHandleResponseV2.class).ifPresent(r -> {
                granted = true;
                grantedTimeout = r.timeout();
            });
        } else {
            granted = response.context(CreateContext.DurableHandleResponse.class).isPresent();
        }
        return granted;
    }

    /**
     * The context that reclaims the handle {@code fileId} after a reconnection (MS-SMB2 3.2.4.4):
     * DH2C (2.2.13.2.12) with the same CreateGuid, or DHnC (2.2.13.2.4).
     */
    public CreateContext reconnectContext(FileId fileId) {
        if (v2) {
            return new CreateContext.DurableHandleReconnectV2(fileId, createGuid,
                    persistent ? CreateContext.DurableHandleRequestV2.PERSISTENT : 0);
        }
        return new CreateContext.DurableHandleReconnect(fileId);
    }

    public boolean isGranted() {
        return granted;
    }

    /** Whether the handle was asked persistent (continuously available share). */
    public boolean isPersistent() {
        return persistent;
    }

    /** The CreateGuid (v2), or null (v1). */
    public UUID createGuid() {
        return createGuid;
    }

    /** The timeout the server granted (v2, milliseconds), 0 when unknown. */
    public int grantedTimeout() {
        return grantedTimeout;
    }

    @Override
    public String toString() {
        return (v2 ? "DH2Q" : "DHnQ") + (persistent ? " persistent" : "") + (granted ? " granted" : " not granted");
    }
}
