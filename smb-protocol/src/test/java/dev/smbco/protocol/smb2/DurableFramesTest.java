package dev.smbco.protocol.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.InputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Durable-handle CREATEs as Samba 4.17 saw and answered them (recorded through the test suite's
 * fault proxy, {@code frames/durable/}): SMB 3.1.1 with DH2Q / DH2C (MS-SMB2 2.2.13.2.11,
 * 2.2.13.2.12, response 2.2.14.2.12) and SMB 2.1 with DHnQ / DHnC (2.2.13.2.3, 2.2.13.2.4,
 * response 2.2.14.2.3), each with a lease. Requests decode and re-encode to the same bytes;
 * responses decode to the granted durable handle.
 */
class DurableFramesTest {

    private static byte[] frame(String name) throws Exception {
        try (InputStream in = DurableFramesTest.class.getResourceAsStream("/frames/durable/" + name + ".bin")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Decodes the request in {@code name}, checks its bytes re-encode unchanged, returns it. */
    private static CreateRequest request(String name) throws Exception {
        byte[] original = frame(name);
        ByteBuf buf = Unpooled.wrappedBuffer(original);
        Smb2Header h = Smb2Header.decode(buf);
        assertThat(h.command()).isEqualTo(Command.CREATE);
        CreateRequest req = (CreateRequest) RequestDecoder.decode(h, buf);
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeBytes(original, 0, Smb2Header.SIZE);
            req.encode(out);
            assertThat(ByteBufUtil.hexDump(out)).isEqualTo(ByteBufUtil.hexDump(original));
        } finally {
            out.release();
        }
        return req;
    }

    private static CreateResponse response(String name) throws Exception {
        ByteBuf buf = Unpooled.wrappedBuffer(frame(name));
        Smb2Header h = Smb2Header.decode(buf);
        assertThat(h.status()).isZero();
        return CreateResponse.decode(buf);
    }

    private static <T> T only(java.util.List<CreateContext> contexts, Class<T> type) {
        assertThat(contexts.stream().filter(type::isInstance).count()).as(type.getSimpleName()).isEqualTo(1);
        return contexts.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void v2RequestGrantAndReconnectKeepTheCreateGuidAndLeaseKey() throws Exception {
        String dialect = "smb3_11";
        CreateRequest open = request(dialect + "-create-request");
        CreateContext.DurableHandleRequestV2 dh2q = only(open.contexts(), CreateContext.DurableHandleRequestV2.class);
        assertThat(dh2q.timeout()).isEqualTo(60_000);
        assertThat(dh2q.flags() & CreateContext.DurableHandleRequestV2.PERSISTENT).as("the share is not continuously available").isZero();
        CreateContext.LeaseV2 lease = only(open.contexts(), CreateContext.LeaseV2.class);
        assertThat(open.requestedOplockLevel()).isEqualTo(OplockLevel.LEASE);

        CreateResponse granted = response(dialect + "-create-response");
        CreateContext.DurableHandleResponseV2 grant = granted.context(CreateContext.DurableHandleResponseV2.class).orElseThrow();
        assertThat(grant.timeout()).as("Samba grants the timeout asked for").isEqualTo(60_000);
        CreateContext.LeaseV2 leased = granted.context(CreateContext.LeaseV2.class).orElseThrow();
        assertThat(leased.leaseKey()).isEqualTo(lease.leaseKey());
        assertThat(leased.leaseState() & LeaseState.HANDLE_CACHING).as("durability needs H").isNotZero();

        CreateRequest reconnect = request(dialect + "-reconnect-request");
        CreateContext.DurableHandleReconnectV2 dh2c = only(reconnect.contexts(), CreateContext.DurableHandleReconnectV2.class);
        assertThat(dh2c.createGuid()).isEqualTo(dh2q.createGuid()).isNotEqualTo(new UUID(0, 0));
        assertThat(dh2c.fileId()).isEqualTo(granted.fileId());
        assertThat(only(reconnect.contexts(), CreateContext.LeaseV2.class).leaseKey()).isEqualTo(lease.leaseKey());
        assertThat(reconnect.name()).isEqualTo(open.name());
        assertThat(reconnect.createDisposition()).isEqualTo(CreateDisposition.OPEN);

        CreateResponse reopened = response(dialect + "-reconnect-response");
        assertThat(reopened.fileId().persistent()).as("the same open").isEqualTo(granted.fileId().persistent());
        assertThat(reopened.context(CreateContext.LeaseV2.class).orElseThrow().leaseKey()).isEqualTo(lease.leaseKey());
    }

    @Test
    void v1RequestGrantAndReconnect() throws Exception {
        String dialect = "smb2_10";
        CreateRequest open = request(dialect + "-create-request");
        only(open.contexts(), CreateContext.DurableHandleRequest.class);
        CreateContext.LeaseV1 lease = only(open.contexts(), CreateContext.LeaseV1.class);

        CreateResponse granted = response(dialect + "-create-response");
        assertThat(granted.context(CreateContext.DurableHandleResponse.class)).isPresent();

        CreateRequest reconnect = request(dialect + "-reconnect-request");
        assertThat(only(reconnect.contexts(), CreateContext.DurableHandleReconnect.class).fileId()).isEqualTo(granted.fileId());
        assertThat(only(reconnect.contexts(), CreateContext.LeaseV1.class).leaseKey()).isEqualTo(lease.leaseKey());

        CreateResponse reopened = response(dialect + "-reconnect-response");
        assertThat(reopened.fileId().persistent()).isEqualTo(granted.fileId().persistent());
    }
}
