package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.internal.OwnedWrite;
import dev.smbco.client.internal.SessionSecurity;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.MessageDecryptor;
import dev.smbco.protocol.crypto.MessageEncryptor;
import dev.smbco.protocol.crypto.MessageSigner;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.CreateRequest;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.WriteRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Related chains (MS-SMB2 3.2.4.1.4) as the engine sends them, decoded from the bytes it wrote on
 * an EmbeddedChannel: one frame, 8-byte aligned NextCommand offsets, the related flag after the
 * first part, consecutive message ids with one charge each, each part signed on its own, the
 * whole chain in one transform frame; and the receive side of a bad compound response.
 */
@ExtendWith(NoLeaks.class)
class ChainEngineTest {
    private static final long SESSION = 0x1122334455L;
    private static final int TREE = 7;
    private static final byte[] DATA = "hello, compound".getBytes(StandardCharsets.UTF_8); // 15 bytes: the WRITE needs padding

    /** An engine that has negotiated (credits granted, multi-credit on). */
    private static EngineHarness negotiated(int credits) {
        EngineHarness h = new EngineHarness(512, 1L << 30);
        h.submit(Command.NEGOTIATE, 0, new RecordingHandler());
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), credits));
        h.engine.multiCredit(true);
        return h;
    }

    private static List<Exchange> chain(MessageSecurity security, boolean sign, boolean encrypt, List<RecordingHandler> handlers) {
        List<Smb2Request> bodies = List.of(
                new CreateRequest(0, 2, 0x12019F, 0, 7, 5, 0x40, "dir\\a.txt", List.of()),
                new OwnedWrite(FileId.RELATED, 0, Unpooled.wrappedBuffer(DATA), null),
                new CloseRequest(CloseRequest.POSTQUERY_ATTRIB, FileId.RELATED));
        List<Exchange> parts = new ArrayList<>();
        for (Smb2Request body : bodies) {
            RecordingHandler r = new RecordingHandler();
            handlers.add(r);
            parts.add(new Exchange(body, SESSION, TREE, security, sign, encrypt, body.command() + " test", r));
        }
        return parts;
    }

    /** The raw frames written since the last call (Direct TCP length stripped). */
    private static List<ByteBuf> frames(EngineHarness h) {
        ByteBuf all = Unpooled.buffer();
        for (Object o; (o = h.channel.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            all.writeBytes(b);
            b.release();
        }
        List<ByteBuf> frames = new ArrayList<>();
        while (all.isReadable()) {
            all.readUnsignedByte();
            frames.add(all.readBytes(all.readUnsignedMedium()));
        }
        all.release();
        return frames;
    }

    /** The parts of a compound: [start, end) of each, end including the padding. */
    private static List<int[]> parts(ByteBuf frame) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int next = frame.getIntLE(start + Smb2Header.OFFSET_NEXT_COMMAND);
            out.add(new int[] {start, next == 0 ? frame.writerIndex() : start + next});
            if (next == 0) {
                return out;
            }
            start += next;
        }
    }

    /** A part's body as the protocol decoders take it: reader index at the body, the header before it. */
    private static ByteBuf body(ByteBuf frame, int[] part, int length) {
        ByteBuf b = frame.slice(part[0], length);
        b.readerIndex(Smb2Header.SIZE);
        return b;
    }

    @Test
    void aChainGoesOutAsOneFrameLaidOutAsTheSpecSays() {
        EngineHarness h = negotiated(100);
        List<RecordingHandler> handlers = new ArrayList<>();
        h.engine.submitChain(chain(null, false, false, handlers));
        List<ByteBuf> frames = frames(h);
        assertThat(frames).hasSize(1);
        ByteBuf frame = frames.get(0);
        List<int[]> parts = parts(frame);
        assertThat(parts).hasSize(3);
        List<Smb2Header> headers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int[] p = parts.get(i);
            assertThat(p[0] % 8).as("part %d starts 8-byte aligned", i).isZero();
            ByteBuf part = frame.slice(p[0], p[1] - p[0]);
            Smb2Header header = Smb2Header.decode(part);
            headers.add(header);
            assertThat(header.isRelated()).as("related flag on part %d", i).isEqualTo(i > 0);
            assertThat(header.sessionId()).isEqualTo(SESSION);
            assertThat(header.treeId()).isEqualTo(TREE);
            assertThat(header.creditCharge()).isEqualTo(1);
            assertThat(header.isSigned()).isFalse();
        }
        assertThat(headers).extracting(Smb2Header::command).containsExactly(Command.CREATE, Command.WRITE, Command.CLOSE);
        assertThat(headers).extracting(Smb2Header::messageId).containsExactly(1L, 2L, 3L);
        assertThat(headers.get(2).nextCommand()).isZero();
        // the WRITE's 48 + 15 bytes of body are padded so that the CLOSE starts aligned
        assertThat(parts.get(1)[1] - parts.get(1)[0]).isEqualTo(Smb2Header.SIZE + 48 + 16);
        assertThat(WriteRequest.decode(body(frame, parts.get(1), Smb2Header.SIZE + WriteRequest.FIXED_SIZE + DATA.length)).fileId())
                .isEqualTo(FileId.RELATED);
        assertThat(CloseRequest.decode(body(frame, parts.get(2), parts.get(2)[1] - parts.get(2)[0])).fileId()).isEqualTo(FileId.RELATED);
        assertThat(h.engine.credits().available()).isEqualTo(97);

        // the response: one compound frame, split and matched per part; each returns its charge
        ByteBuf response = Unpooled.buffer();
        response.writeInt(0);
        EngineHarness.responseMessage(response, headers.get(0), 0, 1, 0, 0, 72);
        EngineHarness.responseMessage(response, headers.get(1), 0, 1, Smb2Header.FLAG_RELATED_OPERATIONS, 0, 72);
        EngineHarness.responseMessage(response, headers.get(2), 0, 1, Smb2Header.FLAG_RELATED_OPERATIONS, 0, 0);
        response.setInt(0, response.readableBytes() - 4);
        h.channel.writeInbound(response);
        assertThat(handlers).allSatisfy(r -> assertThat(r.responses).hasSize(1));
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.engine.credits().available()).isEqualTo(100);
        assertThat(h.engine.credits().inFlightCredits()).isZero();
        frame.release();
        assertFalse(h.channel.finish());
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void eachPartIsSignedOnItsOwnOverItsPadding(SigningAlgorithm algorithm) {
        byte[] key = new byte[16];
        new Random(algorithm.ordinal()).nextBytes(key);
        EngineHarness h = negotiated(100);
        h.engine.submitChain(chain(new SessionSecurity(MessageSigner.create(algorithm, key), null), true, false, new ArrayList<>()));
        ByteBuf frame = frames(h).get(0);
        try {
            List<int[]> parts = parts(frame);
            assertThat(parts).hasSize(3);
            for (int[] p : parts) {
                ByteBuf part = frame.slice(p[0], p[1] - p[0]);
                assertThat(Smb2Header.decode(part.duplicate()).isSigned()).isTrue();
                assertThat(MessageSigner.create(algorithm, key).verify(part)).isTrue();
            }
            // the padding after the WRITE is covered by the WRITE's signature
            int padding = parts.get(1)[1] - 1;
            frame.setByte(padding, 1);
            assertThat(MessageSigner.create(algorithm, key).verify(frame.slice(parts.get(1)[0], parts.get(1)[1] - parts.get(1)[0]))).isFalse();
        } finally {
            frame.release();
            h.engine.close(new RuntimeException("test over"));
        }
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void anEncryptedChainIsOneTransformFrameHoldingTheWholeCompound(CipherId cipher) {
        byte[] key = new byte[cipher.keyLength()];
        new Random(10 + cipher.ordinal()).nextBytes(key);
        MessageEncryptor encryptor = MessageEncryptor.create(cipher, key);
        MessageDecryptor decryptor = MessageDecryptor.create(cipher, key);
        SessionSecurity security = new SessionSecurity(null, new SessionSecurity.FrameCipher() {
            @Override
            public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
                return encryptor.encrypt(alloc, plain, sessionId);
            }

            @Override
            public ByteBuf decrypt(ByteBuf frame) {
                return decryptor.decrypt(frame);
            }
        });
        EngineHarness h = negotiated(100);
        h.engine.submitChain(chain(security, true, true, new ArrayList<>()));
        List<ByteBuf> frames = frames(h);
        assertThat(frames).hasSize(1);
        ByteBuf frame = frames.get(0);
        assertThat(frame.getIntLE(0)).isEqualTo(Smb2Header.TRANSFORM_PROTOCOL_ID);
        ByteBuf plain = decryptor.decrypt(frame);
        try {
            List<int[]> parts = parts(plain);
            assertThat(parts).hasSize(3);
            for (int i = 0; i < parts.size(); i++) {
                Smb2Header header = Smb2Header.decode(plain.slice(parts.get(i)[0], Smb2Header.SIZE));
                assertThat(header.isSigned()).as("encryption replaces signing").isFalse();
                assertThat(header.isRelated()).isEqualTo(i > 0);
                assertThat(header.messageId()).isEqualTo(1L + i);
            }
        } finally {
            plain.release();
            frame.release();
            h.engine.close(new RuntimeException("test over"));
        }
    }

    @Test
    void aChainWaitsUntilCreditsForAllItsPartsAreThere() {
        EngineHarness h = negotiated(2);
        List<RecordingHandler> handlers = new ArrayList<>();
        h.submit(Command.ECHO, 0, new RecordingHandler());
        List<Smb2Header> echo = h.sent();
        h.engine.submitChain(chain(null, false, false, handlers));
        assertThat(frames(h)).as("one credit left, three needed").isEmpty();
        assertThat(h.engine.waitingCount()).isEqualTo(1);
        h.channel.writeInbound(EngineHarness.ok(echo.get(0), 3));
        List<ByteBuf> frames = frames(h);
        assertThat(frames).hasSize(1);
        assertThat(parts(frames.get(0))).hasSize(3);
        frames.forEach(ByteBuf::release);
        h.engine.close(new RuntimeException("test over"));
        assertThat(handlers).allSatisfy(r -> assertThat(r.failures).hasSize(1));
    }

    @Test
    void cancellingAnyPartOfAQueuedChainTakesTheWholeChainOutAndReleasesItsData() {
        EngineHarness h = negotiated(1);
        h.submit(Command.ECHO, 0, new RecordingHandler());
        h.sent();
        List<RecordingHandler> handlers = new ArrayList<>();
        List<Exchange> parts = chain(null, false, false, handlers);
        h.engine.submitChain(parts);
        assertThat(h.engine.cancel(parts.get(2))).isTrue();
        assertThat(h.engine.waitingCount()).isZero();
        assertThat(parts).allSatisfy(x -> assertThat(x.phase()).isEqualTo(Exchange.Phase.DONE));
        assertThat(h.engine.cancel(parts.get(0))).isFalse();
        h.engine.close(new RuntimeException("test over"));
        assertThat(handlers).allSatisfy(r -> assertThat(r.outcomes()).isZero());
    }

    @Test
    void aQueuedChainFailsPartByPartAsNeverSentWhenTheConnectionDrops() {
        EngineHarness h = negotiated(1);
        h.submit(Command.ECHO, 0, new RecordingHandler());
        h.sent();
        List<RecordingHandler> handlers = new ArrayList<>();
        h.engine.submitChain(chain(null, false, false, handlers));
        h.channel.pipeline().fireChannelInactive();
        assertThat(handlers).allSatisfy(r -> {
            assertThat(r.failures).hasSize(1);
            assertThat(r.failures.get(0)).isInstanceOf(SmbConnectionLostException.class);
            assertThat(((SmbConnectionLostException) r.failures.get(0)).wasSent()).isFalse();
        });
    }

    /** NextCommand past the frame's end, or pointing backwards (negative, or into the header). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {4096, -72, 32, 76})
    void aCompoundResponseWithABadNextCommandIsAProtocolErrorThatFailsEveryPart(int badNext) {
        EngineHarness h = negotiated(100);
        List<RecordingHandler> handlers = new ArrayList<>();
        h.engine.submitChain(chain(null, false, false, handlers));
        ByteBuf frame = frames(h).get(0);
        List<Smb2Header> headers = new ArrayList<>();
        for (int[] p : parts(frame)) {
            headers.add(Smb2Header.decode(frame.slice(p[0], Smb2Header.SIZE)));
        }
        frame.release();
        ByteBuf response = Unpooled.buffer();
        response.writeInt(0);
        EngineHarness.responseMessage(response, headers.get(0), 0, 1, 0, 0, 72);
        int second = response.writerIndex();
        EngineHarness.responseMessage(response, headers.get(1), 0, 1, Smb2Header.FLAG_RELATED_OPERATIONS, 0, 72);
        response.setIntLE(second + Smb2Header.OFFSET_NEXT_COMMAND, badNext);
        EngineHarness.responseMessage(response, headers.get(2), 0, 1, Smb2Header.FLAG_RELATED_OPERATIONS, 0, 0);
        response.setInt(0, response.readableBytes() - 4);
        h.channel.writeInbound(response);
        assertThat(h.engine.isClosed()).isTrue();
        assertThat(h.engine.closedCause()).isInstanceOf(SmbProtocolException.class);
        assertThat(h.channel.isOpen()).isFalse();
        assertThat(h.engine.pendingCount()).isZero();
        // the first part, before the bad offset, was answered; the others fail with the connection
        assertThat(handlers.get(0).responses).hasSize(1);
        assertThat(handlers.subList(1, 3)).allSatisfy(r -> {
            assertThat(r.failures).hasSize(1);
            assertThat(r.failures.get(0)).isInstanceOf(SmbConnectionLostException.class)
                    .hasCauseInstanceOf(SmbProtocolException.class);
        });
    }
}
