package dev.smbco.protocol.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds truncated, mutated and random frames to every decoder of this package: the header,
 * {@link ResponseDecoder} for every command under statuses that select the command body and
 * the ERROR body, {@link RequestDecoder} for every command, the compound walker, the negotiate,
 * create and error context lists (through their messages), the symbolic link data and every
 * FSCTL structure. The only exception allowed to escape is {@link SmbDecodeException}; anything
 * else (IndexOutOfBounds, NegativeArraySize, OutOfMemory, IllegalArgument...) fails the property.
 *
 * <p>Every buffer has capacity == length, so an unchecked absolute read past the message end
 * throws instead of silently reading spare capacity. Decoded payload responses are released,
 * and every frame must end with reference count 1, so a decoder that leaks a retain fails too.
 *
 * <p>Plain JUnit with seeded randomness (no property-testing framework; the project dropped
 * jqwik, whose engine asks automated agents not to use it): each try draws from its own
 * {@link Random} derived from a base seed (fixed; {@code -Dsmbco.fuzz.seed=N} picks another) and a
 * failure names the seed that reproduces it.
 */
class DecoderFuzzTest {
    private static final int MUTATED_TRIES = 70_000;
    private static final int RANDOM_TRIES = 20_000;
    private static final int COMPOUND_TRIES = 10_000;
    private static final int FSCTL_TRIES = 10_000;

    private static final List<Samples.Seed> SEEDS = Samples.messages();
    private static final List<byte[]> FSCTL_SEEDS = Samples.fsctlPayloads();
    private static final int[] STATUSES = {
        NtStatus.STATUS_SUCCESS, NtStatus.STATUS_PENDING, NtStatus.STATUS_MORE_PROCESSING_REQUIRED,
        NtStatus.STATUS_BUFFER_OVERFLOW, NtStatus.STATUS_INVALID_PARAMETER, NtStatus.STATUS_NOTIFY_ENUM_DIR,
        NtStatus.STATUS_STOPPED_ON_SYMLINK, NtStatus.STATUS_BUFFER_TOO_SMALL, NtStatus.STATUS_ACCESS_DENIED,
        NtStatus.STATUS_NO_MORE_FILES,
    };
    private static final long[] INTERESTING = {
        0, 1, 2, 7, 8, 9, 0x40, 0x48, 0x50, 0x58, 0x60, 0x68, 0x70, 0x78, 0x80, 0x98, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF,
        0x10000, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0xFFFFFFF8L,
    };

    /** Inputs fed, across all properties (each input goes to several decoders). */
    private static final AtomicLong INPUTS = new AtomicLong();
    /** Decoder calls made with those inputs. */
    private static final AtomicLong CALLS = new AtomicLong();

    private static final long BASE_SEED = Long.getLong("smbco.fuzz.seed", 0x5EB_C0_2026L);

    @AfterAll
    static void report() {
        // test output, not library logging: the count the brief asks to report
        System.out.println("DecoderFuzzTest: " + INPUTS.get() + " fuzz inputs, " + CALLS.get() + " decoder calls");
    }

    /** Runs {@code tries} tries, each with its own seeded Random; a failure names its seed. */
    private static void forEachTry(String salt, int tries, java.util.function.Consumer<Random> body) {
        long start = BASE_SEED ^ salt.hashCode() * 0x9E3779B97F4A7C15L;
        long inputsBefore = INPUTS.get();
        long callsBefore = CALLS.get();
        for (int i = 0; i < tries; i++) {
            long seed = start + i;
            try {
                body.accept(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(salt + ": try " + i + " failed (seed " + seed + "): " + e, e);
            }
        }
        // what the report prints is asserted: every try fed an input, and every input reached a decoder
        long inputs = INPUTS.get() - inputsBefore;
        assertThat(inputs).as(salt + ": inputs fed in " + tries + " tries").isGreaterThanOrEqualTo(tries);
        assertThat(CALLS.get() - callsBefore).as(salt + ": decoder calls for " + inputs + " inputs").isGreaterThanOrEqualTo(inputs);
    }

    /** A well-formed message of some kind, mutated 1..4 times (truncations, bit flips, interesting field values, appended junk). */
    @Test
    void mutatedMessages() {
        forEachTry("smb2-mutated", MUTATED_TRIES, random -> {
            Samples.Seed s = SEEDS.get(random.nextInt(SEEDS.size()));
            byte[] bytes = mutate(s.bytes(), random, 64);
            feedMessage(bytes, s.command(), random.nextInt(4) == 0 ? STATUSES[random.nextInt(STATUSES.length)] : s.status());
        });
    }

    /** A valid header of any command followed by random bytes, under any interesting status. */
    @Test
    void randomBodies() {
        Command[] commands = Command.values();
        forEachTry("smb2-random", RANDOM_TRIES, random -> {
            Command command = commands[random.nextInt(commands.length)];
            int status = STATUSES[random.nextInt(STATUSES.length)];
            byte[] body = randomBytes(random, random.nextInt(301));
            if (random.nextBoolean() && body.length >= 2) {
                put(body, 0, 2, random.nextInt(100));      // a plausible StructureSize more often than chance gives
            }
            ByteBuf b = Unpooled.buffer(64 + body.length);
            Frames.responseHeader(command, status).encode(b);
            b.writeBytes(body);
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            feedMessage(bytes, command, status);
        });
    }

    /** Two or three seeds chained as a compound, then mutated (mostly in the NextCommand fields). */
    @Test
    void compounds() {
        forEachTry("smb2-compound", COMPOUND_TRIES, DecoderFuzzTest::compound);
    }

    private static void compound(Random random) {
        ByteBuf frame = Unpooled.buffer();
        int parts = 2 + random.nextInt(2);
        int start = 0;
        for (int i = 0; i < parts; i++) {
            Samples.Seed s = SEEDS.get(random.nextInt(SEEDS.size()));
            start = frame.writerIndex();
            frame.writeBytes(s.bytes());
            if (i < parts - 1) {
                frame.writeZero((8 - frame.writerIndex() % 8) % 8);
                frame.setIntLE(start + Smb2Header.OFFSET_NEXT_COMMAND, frame.writerIndex() - start);
            } else {
                frame.setIntLE(start + Smb2Header.OFFSET_NEXT_COMMAND, 0);
            }
        }
        byte[] bytes = new byte[frame.readableBytes()];
        frame.readBytes(bytes);
        frame.release();
        if (random.nextBoolean()) {
            // the first NextCommand: point it anywhere interesting (unaligned, into the header, past the end)
            long v = INTERESTING[random.nextInt(INTERESTING.length)] + random.nextInt(3) - 1;
            put(bytes, Smb2Header.OFFSET_NEXT_COMMAND, 4, v);
        }
        feedCompound(mutate(bytes, random, 0));
    }

    /** FSCTL input/output structures, symbolic link data and error context lists, mutated. */
    @Test
    void fsctlStructures() {
        forEachTry("smb2-fsctl", FSCTL_TRIES, random -> {
            byte[] bytes = mutate(FSCTL_SEEDS.get(random.nextInt(FSCTL_SEEDS.size())), random, 0);
            INPUTS.incrementAndGet();
            feedFsctl(bytes);
            expectOnlyDecodeErrors(() -> SymbolicLinkError.decode(bytes));
            expectOnlyDecodeErrors(() -> new ErrorResponse(Command.CREATE, NtStatus.STATUS_STOPPED_ON_SYMLINK, 1 + random.nextInt(3), bytes)
                    .symbolicLink());
        });
    }

    // ------------------------------------------------------------------ feeding

    static void feedMessage(byte[] bytes, Command command, int status) {
        INPUTS.incrementAndGet();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);       // capacity == length
        try {
            expectOnlyDecodeErrors(() -> Smb2Header.decode(buf.duplicate()));
            if (bytes.length >= Smb2Header.SIZE) {
                decodeResponse(buf, command, status);
                decodeResponse(buf, command, NtStatus.STATUS_SUCCESS);
                decodeResponse(buf, command, NtStatus.STATUS_ACCESS_DENIED);
                expectOnlyDecodeErrors(() -> RequestDecoder.decode(command, body(buf)));
            }
            feedCompoundBuffer(buf);
        } finally {
            if (bytes.length > 0) {                        // (an empty array wraps as the shared EMPTY_BUFFER)
                assertThat(buf.refCnt()).as("no decoder kept a retain").isEqualTo(1);
            }
            buf.release();
        }
    }

    private static ByteBuf body(ByteBuf message) {
        return message.duplicate().readerIndex(Smb2Header.SIZE);
    }

    private static void decodeResponse(ByteBuf buf, Command command, int status) {
        Smb2Response[] holder = new Smb2Response[1];
        try {
            expectOnlyDecodeErrors(() -> {
                holder[0] = ResponseDecoder.decode(command, status, body(buf));
                if (holder[0] instanceof ErrorResponse e) {
                    e.contexts();
                    e.symbolicLink();
                    e.requiredBufferLength();
                } else if (holder[0] instanceof IoctlResponse io) {
                    byte[] out = new byte[io.output().readableBytes()];
                    io.output().getBytes(io.output().readerIndex(), out);
                    feedFsctl(out);
                }
            });
        } finally {
            ReferenceCountUtil.release(holder[0]);
        }
    }

    private static void feedCompound(byte[] bytes) {
        INPUTS.incrementAndGet();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            feedCompoundBuffer(buf);
        } finally {
            buf.release();
        }
    }

    private static void feedCompoundBuffer(ByteBuf buf) {
        expectOnlyDecodeErrors(() -> {
            for (ByteBuf part : Compound.split(buf)) {
                Smb2Header h;
                try {
                    h = Smb2Header.decode(part);
                } catch (SmbDecodeException e) {
                    continue;
                }
                Smb2Response r = null;
                try {
                    r = ResponseDecoder.decode(h, part);
                } catch (SmbDecodeException e) {
                    // expected for malformed parts
                } finally {
                    ReferenceCountUtil.release(r);
                }
            }
        });
        int reader = buf.readerIndex();
        int writer = buf.writerIndex();
        expectOnlyDecodeErrors(() -> Compound.forEach(buf, m -> expectOnlyDecodeErrors(() -> Smb2Header.decode(m))));
        assertThat(buf.readerIndex()).isEqualTo(reader);
        assertThat(buf.writerIndex()).isEqualTo(writer);
    }

    private static void feedFsctl(byte[] bytes) {
        List<Consumer<ByteBuf>> decoders = List.of(
                ValidateNegotiateInfoRequest::decode, ValidateNegotiateInfoResponse::decode, ResumeKeyResponse::decode,
                CopyChunkRequest::decode, CopyChunkResponse::decode, DfsReferralRequest::decode, DfsReferralResponse::decode,
                NetworkInterfaceInfo::decodeList, SetSparseRequest::decode);
        for (Consumer<ByteBuf> d : decoders) {
            ByteBuf b = Unpooled.wrappedBuffer(bytes);
            try {
                expectOnlyDecodeErrors(() -> d.accept(b));
            } finally {
                b.release();
            }
        }
    }

    private static void expectOnlyDecodeErrors(Runnable r) {
        CALLS.incrementAndGet();
        try {
            r.run();
        } catch (SmbDecodeException expected) {
            assertThat(expected.structure()).isNotBlank();
            assertThat(expected.field()).isNotBlank();
        }
    }

    // ------------------------------------------------------------------ mutation

    /** 1..4 mutations; positions below {@code protect} (the header) are hit less often, so bodies get most of them. */
    static byte[] mutate(byte[] original, Random random, int protect) {
        byte[] b = original.clone();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (b.length == 0) {
                b = randomBytes(random, random.nextInt(16));
                continue;
            }
            int at = position(b, random, protect);
            switch (random.nextInt(7)) {
                case 0 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));               // truncate
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));                                    // flip a bit
                case 2 -> b[at] = (byte) random.nextInt(256);                                           // random byte
                case 3 -> put(b, at, 2, INTERESTING[random.nextInt(INTERESTING.length)] + random.nextInt(3) - 1);
                case 4 -> put(b, at, 4, INTERESTING[random.nextInt(INTERESTING.length)] + random.nextInt(3) - 1);
                case 5 -> put(b, at, 2, b.length - at + random.nextInt(9) - 4);                       // length near the end
                default -> {                                                                             // append junk
                    byte[] tail = randomBytes(random, 1 + random.nextInt(32));
                    byte[] longer = java.util.Arrays.copyOf(b, b.length + tail.length);
                    System.arraycopy(tail, 0, longer, b.length, tail.length);
                    b = longer;
                }
            }
        }
        return b;
    }

    private static int position(byte[] b, Random random, int protect) {
        if (b.length > protect && random.nextInt(8) != 0) {
            return protect + random.nextInt(b.length - protect);
        }
        return random.nextInt(b.length);
    }

    private static void put(byte[] b, int at, int width, long value) {
        for (int i = 0; i < width && at + i < b.length; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
