package dev.smbco.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.testing.Seeds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing (see {@link Seeds}) of every DCE/RPC decoder: random bytes, and the captured
 * Samba PDUs and stubs with structure-aware mutations (counts and lengths set to boundary values,
 * bytes flipped, inputs cut or grown), fed to the framer, {@link ServerPdu#decode}, the
 * {@link ResponseAssembler} and {@link NetShareEnumResponse#decode}. Only
 * {@link SmbDecodeException} (and, for a well-formed fault, {@link RpcFaultException}) may escape.
 * Buffers have capacity == length, so an unchecked read past the end throws instead of reading
 * spare capacity.
 */
class RpcDecoderFuzzTest {
    private static final int TRIES = 20_000;
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 5, 8, 12, 16, 24, 0x7F, 0xFF, 0x100, 0xFFFF, 0x10000,
            0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};
    private static final List<byte[]> PDUS = List.of(RpcSamples.sambaBindAck(), RpcSamples.sambaShareEnumResponse(),
            RpcSamples.fault(2, FaultPdu.NCA_S_OP_RNG_ERROR), RpcSamples.bindNak(1, 4));
    private static final AtomicLong INPUTS = new AtomicLong();

    @Test
    void randomBytesOnlyEverFailWithDecodeException() {
        Seeds.forEachTry("rpc-random", TRIES, random -> {
            byte[] b = Seeds.bytes(random, 200);
            if (b.length >= 16 && random.nextBoolean()) {   // often a plausible header, so the bodies get reached
                b[0] = 5;
                b[1] = 0;
                b[2] = (byte) new int[] {2, 3, 12, 13, 15}[random.nextInt(5)];
                b[4] = 0x10;
                b[8] = (byte) b.length;
                b[9] = (byte) (b.length >> 8);
                b[10] = b[11] = 0;
            }
            feed(b);
        });
    }

    @Test
    void mutatedPdusOnlyEverFailWithDecodeException() {
        Seeds.forEachTry("rpc-mutated-pdu", TRIES, random -> feed(mutate(PDUS.get(random.nextInt(PDUS.size())), random)));
    }

    @Test
    void mutatedStubsOnlyEverFailWithDecodeException() {
        byte[] stub = RpcSamples.sambaShareEnumStub();
        Seeds.forEachTry("rpc-mutated-stub", TRIES, random -> feed(RpcSamples.response(2, 3, 0, mutate(stub, random))));
    }

    /** Feeds one input to the framer, the PDU decoder, the assembler and the NetrShareEnum decoder. */
    private static void feed(byte[] input) {
        INPUTS.incrementAndGet();
        ByteBuf stream = Unpooled.buffer(input.length, input.length).writeBytes(input);
        try {
            ByteBuf frame = PduFramer.next(stream, 0xFFFF);
            if (frame == null) {
                return;
            }
            ServerPdu pdu = ServerPdu.decode(frame);
            ResponseAssembler assembler = new ResponseAssembler(pdu.header().callId(), 0, 1 << 16);
            if (pdu instanceof ResponsePdu r && assembler.add(r)) {
                ByteBuf stub = Unpooled.buffer(r.stub().length, r.stub().length).writeBytes(r.stub());
                try {
                    NetShareEnumResponse.decode(stub);
                } finally {
                    stub.release();
                }
            } else if (pdu instanceof FaultPdu) {
                assembler.add(pdu);
            }
        } catch (SmbDecodeException | RpcFaultException expected) {
            // the only ways out
        } finally {
            stream.release();
        }
    }

    /** One to four mutations: boundary values in 4- and 2-byte fields, bit flips, random bytes, cuts, growth. */
    private static byte[] mutate(byte[] sample, Random random) {
        byte[] b = sample.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds && b.length > 0; i++) {
            int pos = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    long v = INTERESTING[random.nextInt(INTERESTING.length)];
                    int at = pos & ~3;
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >>> (8 * k));
                    }
                }
                case 2 -> {
                    long v = INTERESTING[random.nextInt(INTERESTING.length)];
                    b[pos] = (byte) v;
                    if (pos + 1 < b.length) {
                        b[pos + 1] = (byte) (v >>> 8);
                    }
                }
                case 3 -> b[pos] ^= (byte) (1 << random.nextInt(8));
                case 4 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
                default -> {
                    byte[] grown = Arrays.copyOf(b, b.length + random.nextInt(24));
                    for (int k = b.length; k < grown.length; k++) {
                        grown[k] = (byte) random.nextInt(256);
                    }
                    b = grown;
                }
            }
        }
        return b;
    }

    @AfterAll
    static void everyTryWasFed() {
        assertThat(INPUTS.get()).isEqualTo(3L * TRIES);
    }
}
