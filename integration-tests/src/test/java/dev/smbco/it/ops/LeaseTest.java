package dev.smbco.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.lease.LeaseBreak;
import dev.smbco.client.lease.LeaseState;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Leases (MS-SMB2 3.2.5.19.2): a second client's open breaks the first client's lease, which writes back and acks. */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class LeaseTest {
    private static final OpenOptions SHARED = OpenOptions.readWrite().withShareAccess(ShareAccess.ALL);

    @Test
    void aSecondClientsWriteOpenBreaksTheLeaseAfterTheHolderWroteBackItsDirtyData(SambaServer server) {
        try (Ops a = Ops.open(server); Ops b = Ops.open(server)) {
            String name = Ops.unique("lease") + ".txt";
            List<LeaseBreak> breaks = new CopyOnWriteArrayList<>();
            try (SmbFile fa = a.tree.open(name, SHARED.lease(LeaseState.RWH))) {
                assertThat(fa.leaseState()).isEqualTo(LeaseState.RWH);
                fa.write(0, bytes("before-break;"));
                // the holder "caches" these bytes under its W lease and writes them back when the lease breaks
                fa.onLeaseBreak(event -> {
                    breaks.add(event);
                    if (event.from().writeCaching() && !event.to().writeCaching()) {
                        return fa.writeSend(13, bytes("written-back;"));
                    }
                    return null;
                });

                // b's CREATE waits on the server until a has acknowledged the break
                try (SmbFile fb = b.tree.open(name, SHARED)) {
                    assertThat(breaks).isNotEmpty();
                    LeaseBreak first = breaks.get(0);
                    assertThat(first.from()).isEqualTo(LeaseState.RWH);
                    assertThat(first.to().writeCaching()).isFalse();
                    assertThat(first.ackRequired()).isTrue();
                    assertThat(first.oplock()).isFalse();
                    assertThat(first.unc()).endsWith(name);

                    fb.write(26, bytes("from-b"));
                    ByteBuf all = fb.read(0, 100);
                    try {
                        assertThat(all.toString(StandardCharsets.US_ASCII)).isEqualTo("before-break;written-back;from-b");
                    } finally {
                        all.release();
                    }
                }
                a.conn.echo(); // any further break (b's write breaks R) has reached a by now
                assertThat(fa.leaseState().writeCaching()).isFalse();
                assertThat(fa.leaseState()).isEqualTo(breaks.get(breaks.size() - 1).to());
            }
            assertThat(breaks).allSatisfy(e -> assertThat(e.from()).isNotEqualTo(e.to()));
            a.tree.delete(name);
        }
    }

    @Test
    void opensOfOnePathOnOneConnectionShareTheLeaseAndDoNotBreakEachOther(SambaServer server) {
        try (Ops a = Ops.open(server)) {
            String name = Ops.unique("lease") + ".txt";
            List<LeaseBreak> breaks = new CopyOnWriteArrayList<>();
            try (SmbFile first = a.tree.open(name, SHARED.lease(LeaseState.RWH))) {
                first.onLeaseBreak(e -> {
                    breaks.add(e);
                    return null;
                });
                try (SmbFile second = a.tree.open(name, SHARED.lease(LeaseState.RWH))) {
                    second.write(0, bytes("x"));
                    a.conn.echo();
                    assertThat(second.leaseState()).isEqualTo(LeaseState.RWH);
                    assertThat(first.leaseState()).isEqualTo(LeaseState.RWH);
                }
                assertThat(first.leaseState()).isEqualTo(LeaseState.RWH);
            }
            assertThat(breaks).isEmpty();
            a.tree.delete(name);
        }
    }

    @Test
    void withoutALeaseRequestNoLeaseIsHeld(SambaServer server) {
        try (Ops a = Ops.open(server)) {
            String name = Ops.unique("lease") + ".txt";
            try (SmbFile f = a.tree.open(name, SHARED)) {
                assertThat(f.leaseState()).isEqualTo(LeaseState.NONE);
            }
            a.tree.delete(name);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
