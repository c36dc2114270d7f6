package dev.smbco.client.lease.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.SenderHarness;
import dev.smbco.client.lease.LeaseBreak;
import dev.smbco.client.lease.LeaseState;
import dev.smbco.coro.Completer;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.smb2.CreateContext;
import dev.smbco.protocol.smb2.CreateResponse;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.LeaseBreakAcknowledgment;
import dev.smbco.protocol.smb2.LeaseBreakNotification;
import dev.smbco.protocol.smb2.OplockBreakAcknowledgment;
import dev.smbco.protocol.smb2.OplockBreakNotification;
import dev.smbco.protocol.smb2.OplockLevel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Break dispatch from the engine's unsolicited branch through the lease table, on an EmbeddedChannel. */
@ExtendWith(NoLeaks.class)
class LeaseTableTest {
    private static final String UNC = "\\\\h\\s\\dir\\a.txt";
    private static final FileId FILE = new FileId(7, 9);

    private final SenderHarness h = new SenderHarness("test:445");
    private final LeaseTable table = new LeaseTable(h.sender, "test", Duration.ofSeconds(5));
    private final List<LeaseBreak> seen = new ArrayList<>();

    LeaseTableTest() {
        h.engine.unsolicited(table::onUnsolicited);
    }

    @AfterEach
    void finish() {
        h.finish();
    }

    private LeaseHold grantedLease(LeaseState state) {
        LeaseHold hold = table.join(UNC, Route.NONE, true);
        UUID key = hold.lease().key();
        table.granted(hold, created(OplockLevel.LEASE, List.of(new CreateContext.LeaseV2(key, state.bits(), 0, 0, new UUID(0, 0), 1))));
        return hold;
    }

    private static CreateResponse created(int oplockLevel, List<CreateContext> contexts) {
        return new CreateResponse(oplockLevel, 0, 1, 0, 0, 0, 0, 0, 0, 0, FILE, contexts);
    }

    /** Feeds an unsolicited OPLOCK_BREAK message (MessageId 0xFFFFFFFFFFFFFFFF) whose body {@code body} writes. */
    private void unsolicited(Consumer<ByteBuf> body) {
        ByteBuf message = Unpooled.buffer();
        new Smb2Header(0, 0, Command.OPLOCK_BREAK, 0, Smb2Header.FLAG_SERVER_TO_REDIR, 0, -1L, 0, 0, 0, 0, null).encode(message);
        body.accept(message);
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt(message.readableBytes());
        frame.writeBytes(message);
        message.release();
        h.channel.writeInbound(frame);
        h.channel.runPendingTasks();
    }

    private void leaseBreak(UUID key, LeaseState from, LeaseState to, int flags) {
        unsolicited(b -> new LeaseBreakNotification(2, flags, key, from.bits(), to.bits(), 0, 0, 0).encode(b));
    }

    /** The bodies of what the engine wrote, decoded by {@code decoder}, with their headers. */
    private <T> List<T> sentBodies(java.util.function.Function<ByteBuf, T> decoder, List<Smb2Header> headers) {
        List<T> bodies = new ArrayList<>();
        ByteBuf all = Unpooled.buffer(); // a frame may leave as several buffers (header, body)
        for (Object o; (o = h.channel.readOutbound()) != null; ) {
            all.writeBytes((ByteBuf) o);
            ((ByteBuf) o).release();
        }
        try {
            while (all.isReadable()) {
                all.skipBytes(1);
                ByteBuf message = all.readSlice(all.readUnsignedMedium());
                headers.add(Smb2Header.decode(message.duplicate()));
                message.skipBytes(Smb2Header.SIZE);
                bodies.add(decoder.apply(message));
            }
        } finally {
            all.release();
        }
        return bodies;
    }

    @Test
    void aLeaseBreakReachesTheListenersAndIsAckedWithTheKeyAndNewStateOnlyAfterTheirWriteBack() {
        LeaseHold hold = grantedLease(LeaseState.RWH);
        Completer<Void> writeBack = Completer.create(h.loop);
        hold.addListener(e -> {
            seen.add(e);
            return writeBack.request();
        });

        leaseBreak(hold.lease().key(), LeaseState.RWH, LeaseState.RH, LeaseBreakNotification.ACK_REQUIRED);

        assertThat(seen).containsExactly(new LeaseBreak(UNC, LeaseState.RWH, LeaseState.RH, true, false));
        List<Smb2Header> headers = new ArrayList<>();
        assertThat(sentBodies(LeaseBreakAcknowledgment::decode, headers)).as("no ack before the write-back ends").isEmpty();
        assertThat(hold.state()).isEqualTo(LeaseState.RWH);

        writeBack.complete(null);
        h.channel.runPendingTasks();

        List<LeaseBreakAcknowledgment> acks = sentBodies(LeaseBreakAcknowledgment::decode, headers);
        assertThat(acks).containsExactly(new LeaseBreakAcknowledgment(0, hold.lease().key(), LeaseState.RH.bits(), 0));
        assertThat(headers.get(0).command()).isEqualTo(Command.OPLOCK_BREAK);
        assertThat(hold.state()).isEqualTo(LeaseState.RH);
        assertThat(hold.lease().epoch()).isEqualTo(2);
        h.respond(headers.get(0), 0); // the server's Lease Break Response completes the ack
        assertThat(h.engine.isClosed()).isFalse();
    }

    @Test
    void opensOfOnePathShareOneLeaseKeyAndEachOpensListenersHearItsBreak() {
        LeaseHold first = grantedLease(LeaseState.RWH);
        LeaseHold second = table.join(UNC.toUpperCase(java.util.Locale.ROOT), Route.NONE, true);
        assertThat(second.lease()).isSameAs(first.lease());
        first.addListener(e -> { seen.add(e); return null; });
        second.addListener(e -> { seen.add(e); return null; });

        leaseBreak(first.lease().key(), LeaseState.RWH, LeaseState.R, LeaseBreakNotification.ACK_REQUIRED);

        assertThat(seen).hasSize(2);
        assertThat(sentBodies(LeaseBreakAcknowledgment::decode, new ArrayList<>())).hasSize(1);
        assertThat(second.state()).isEqualTo(LeaseState.R);
    }

    @Test
    void aBreakThatNeedsNoAckDowngradesWithoutSending() {
        LeaseHold hold = grantedLease(LeaseState.R);
        leaseBreak(hold.lease().key(), LeaseState.R, LeaseState.NONE, 0);
        assertThat(hold.state()).isEqualTo(LeaseState.NONE);
        assertThat(h.channel.outboundMessages()).isEmpty();
    }

    @Test
    void aBreakForAnUnknownKeyIsIgnored() {
        LeaseHold hold = grantedLease(LeaseState.RWH);
        hold.addListener(e -> { seen.add(e); return null; });
        leaseBreak(UUID.randomUUID(), LeaseState.RWH, LeaseState.NONE, LeaseBreakNotification.ACK_REQUIRED);
        assertThat(seen).isEmpty();
        assertThat(h.channel.outboundMessages()).isEmpty();
        assertThat(hold.state()).isEqualTo(LeaseState.RWH);
        assertThat(h.engine.isClosed()).isFalse();
    }

    @Test
    void aReleasedLeaseIsForgottenAndItsBreaksIgnored() {
        LeaseHold hold = grantedLease(LeaseState.RWH);
        UUID key = hold.lease().key();
        hold.release();
        assertThat(table.size()).isZero();
        leaseBreak(key, LeaseState.RWH, LeaseState.NONE, LeaseBreakNotification.ACK_REQUIRED);
        assertThat(h.channel.outboundMessages()).isEmpty();
        assertThat(table.join(UNC, Route.NONE, true).lease().key()).as("a new lease for a new open").isNotEqualTo(key);
    }

    @Test
    void aTruncatedLeaseBreakNotificationIsAProtocolErrorThatClosesTheConnection() {
        grantedLease(LeaseState.RWH);
        unsolicited(b -> b.writeShortLE(LeaseBreakNotification.STRUCTURE_SIZE).writeShortLE(0).writeIntLE(1));
        assertThat(h.engine.closedCause()).isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("malformed break notification");
    }

    @Test
    void aNotificationOfUnknownStructureSizeIsAProtocolError() {
        unsolicited(b -> b.writeShortLE(30).writeZero(28));
        assertThat(h.engine.closedCause()).isInstanceOf(SmbProtocolException.class).hasMessageContaining("StructureSize");
    }

    @Test
    void anOplockBreakIsAckedWithTheNewLevelAndFileId() {
        LeaseHold hold = table.join(UNC, Route.NONE, false);
        assertThat(LeaseTable.oplockLevel(hold, LeaseState.RWH)).isEqualTo(OplockLevel.BATCH);
        assertThat(LeaseTable.requestContext(hold, LeaseState.RWH, dev.smbco.protocol.Dialect.SMB2_02)).isNull();
        table.granted(hold, created(OplockLevel.BATCH, List.of()));
        assertThat(hold.state()).isEqualTo(LeaseState.RWH);
        hold.addListener(e -> { seen.add(e); return null; });

        unsolicited(b -> new OplockBreakNotification(OplockLevel.II, FILE).encode(b));

        assertThat(seen).containsExactly(new LeaseBreak(UNC, LeaseState.RWH, LeaseState.R, true, true));
        assertThat(sentBodies(OplockBreakAcknowledgment::decode, new ArrayList<>()))
                .containsExactly(new OplockBreakAcknowledgment(OplockLevel.II, FILE));
        assertThat(hold.state()).isEqualTo(LeaseState.R);
    }

    @Test
    void theRequestContextIsV2For3xAndV1For21() {
        LeaseHold hold = table.join(UNC, Route.NONE, true);
        assertThat(LeaseTable.requestContext(hold, LeaseState.RW, dev.smbco.protocol.Dialect.SMB3_11))
                .isEqualTo(new CreateContext.LeaseV2(hold.lease().key(), LeaseState.RW.bits(), 0, 0, new UUID(0, 0), 0));
        assertThat(LeaseTable.requestContext(hold, LeaseState.RW, dev.smbco.protocol.Dialect.SMB2_10))
                .isEqualTo(new CreateContext.LeaseV1(hold.lease().key(), LeaseState.RW.bits(), 0, 0));
        assertThat(LeaseTable.leasing(dev.smbco.protocol.Dialect.SMB2_02, 0xFF)).isFalse();
        assertThat(LeaseTable.leasing(dev.smbco.protocol.Dialect.SMB3_11, 0)).isFalse();
        assertThat(LeaseTable.leasing(dev.smbco.protocol.Dialect.SMB2_10, dev.smbco.protocol.smb2.Capabilities.LEASING)).isTrue();
    }
}
