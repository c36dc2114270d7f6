package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbFile;
import dev.smbco.coro.Coroutine;
import dev.smbco.testserver.FileDigests;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.UseSamba;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #18: a server that lets a client hold few credits ({@code smb2 max credits} = 16, 64,
 * 128; Samba's default is 8192) must not stall transfers. The client sizes its READs and WRITEs
 * to the window the server grants instead of the negotiated 8 MiB (128 credits), which such a
 * server can never grant. Plain, signed and encrypted; 32 MiB each way, compared by SHA-256
 * (1 GiB runs in the benchmark only, to keep CI short).
 */
@ExtendWith(SambaExtension.class)
class LowCreditTest {
    private static final long SIZE = (32L << 20) + 4321; // not a multiple of any chunk size

    /** How the session protects its traffic. */
    enum Mode {
        PLAIN, SIGNED, ENCRYPTED;

        SmbConfig config() {
            // a deadline well under the old behaviour's stall, so the old code fails instead of hanging the suite
            SmbConfig.Builder b = SmbConfig.builder().requestTimeout(Duration.ofSeconds(20));
            return switch (this) {
                case PLAIN -> b.build();
                case SIGNED -> b.signing(SmbConfig.Policy.REQUIRED).build();
                case ENCRYPTED -> b.encryption(SmbConfig.Policy.REQUIRED).build();
            };
        }

        String share(SambaServer server) {
            return this == ENCRYPTED ? server.encryptedShare() : server.share();
        }
    }

    abstract static class Matrix {
        @ParameterizedTest
        @EnumSource(Mode.class)
        void getAndPutOf32MiBCompleteWithEqualSha256(Mode mode, SambaServer server, @TempDir Path tmp) throws Exception {
            Path source = tmp.resolve("source.bin");
            Path back = tmp.resolve("back.bin");
            writeRandom(source, SIZE, server.variant().maxCredits() * 31L + mode.ordinal());
            String name = Smb.uniqueDir("credits-" + server.variant().maxCredits() + "-" + mode) + ".bin";
            try (Smb smb = Smb.open(server, mode.config(), mode.share(server))) {
                long up = Coroutine.start(smb.client.loop(), co -> {
                    try (SmbFile f = co.await(smb.tree.openSend(name, OpenOptions.write()))) {
                        return co.await(f.uploadSend(source));
                    }
                }).await();
                assertThat(up).isEqualTo(SIZE);
                long down = Coroutine.start(smb.client.loop(), co -> {
                    try (SmbFile f = co.await(smb.tree.openSend(name, OpenOptions.read()))) {
                        return co.await(f.downloadSend(back));
                    }
                }).await();
                assertThat(down).isEqualTo(SIZE);
                assertThat(FileDigests.sha256(back)).isEqualTo(FileDigests.sha256(source));
                smb.conn.echo(); // the connection is still usable
                smb.tree.delete(name);
            }
        }
    }

    @Nested
    @UseSamba(variant = SambaVariant.CREDITS_16)
    class MaxCredits16 extends Matrix {
    }

    @Nested
    @UseSamba(variant = SambaVariant.CREDITS_64)
    class MaxCredits64 extends Matrix {
    }

    @Nested
    @UseSamba(variant = SambaVariant.CREDITS_128)
    class MaxCredits128 extends Matrix {
    }

    static void writeRandom(Path file, long size, long seed) throws IOException {
        Random r = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += block.length) {
                r.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
    }
}
