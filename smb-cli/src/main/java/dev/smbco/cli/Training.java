package dev.smbco.cli;

import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.auth.Authenticator;
import dev.smbco.protocol.auth.NtlmConfig;
import dev.smbco.protocol.auth.NtlmCredentials;
import dev.smbco.protocol.auth.Spnego;
import dev.smbco.protocol.crypto.SessionKeys;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.MessageDecryptor;
import dev.smbco.protocol.crypto.MessageEncryptor;
import dev.smbco.protocol.crypto.MessageSigner;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run from which the {@code smbco} launcher builds the JVM's class-data / AOT cache
 * (see the launcher and BENCHMARKS.md, "Cold start"). It needs no SMB server, so it can run
 * unattended on any machine, in the background, right after the CLI is built:
 *
 * <ul>
 *   <li>picocli: the usage of every command and the parsing of the usual command lines, with
 *       {@code --signing required}, {@code --encrypt} and {@code --json};</li>
 *   <li>whole commands ({@code ls}, {@code stat}, {@code get}, {@code put}, {@code cat}) against a
 *       scripted SMB 2.1 peer on a loopback socket ({@link TrainingPeer}): the event loop, the
 *       logon, CREATE, directory listing, the copy loops and the output; with signing or
 *       encryption asked for they stop at the logon, which the peer cannot sign; a get and a put
 *       of 24 MiB make the copy loops hot enough to be compiled and profiled;</li>
 *   <li>the crypto of a session: the client's half of an NTLM logon in SPNEGO against a made-up
 *       challenge, the SMB 3.1.1 key derivation, the three signing algorithms and the four
 *       ciphers, each over a small message; then the AES-GMAC digest and signature and AES-128-GCM
 *       sealing and opening over 1 MiB messages until the JIT has compiled them ({@link #bulkCrypto}).</li>
 * </ul>
 *
 * <p>What the scripted peer cannot show (SMB 3 negotiate contexts and a signed or sealed session
 * from end to end) is loaded on demand as before. It never writes outside a temporary
 * directory it removes, prints nothing, and always exits 0: a failed training only means a
 * smaller cache.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        Path dir = Files.createTempDirectory("smbco-training");
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().name("smbco-training-accept").start(() -> TrainingPeer.serve(peer));
            commands(peer.getLocalPort(), dir);
        } catch (Throwable t) {
            // a training that fails part-way still leaves the classes it loaded to the cache
        } finally {
            crypto();
            bulkCrypto();
            deleteTree(dir);
        }
        System.exit(0);
    }

    private static void commands(int port, Path dir) throws IOException {
        Path local = Files.writeString(dir.resolve("up.txt"), "training\n");
        Path bigLocal = dir.resolve("big-up.bin");
        try (FileChannel channel = FileChannel.open(bigLocal, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(TrainingPeer.BIG_SIZE));
        }
        String base = "smb://127.0.0.1:" + port + "/share/";
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"--help"});
        lines.add(new String[] {"--version"});
        for (String c : SmbcoCommand.SUBCOMMANDS.keySet()) {
            if (!c.equals("help")) {
                lines.add(new String[] {c, "--help"});
            }
        }
        // SMB 2.1 runs each command to its end against the scripted peer; the others stop at the
        // logon or the negotiate check that the peer cannot sign, after loading what they need
        String[][] modes = {{"--max-protocol", "SMB2_10"}, {}, {"--signing", "required"}, {"--encrypt"}};
        for (String[] mode : modes) {
            if (mode.length == 2) {
                // a copy big enough that its loops (framing, READ/WRITE, file I/O) get compiled and profiled
                lines.add(concat(mode, "get", base + "big.bin", dir.resolve("big-down.bin").toString()));
                lines.add(concat(mode, "put", bigLocal.toString(), base + "big-up.bin"));
            }
            lines.add(concat(mode, "ls", base));
            lines.add(concat(mode, "ls", "--json", base + "dir/"));
            lines.add(concat(mode, "stat", base + "file.txt"));
            lines.add(concat(mode, "get", base + "file.txt", dir.resolve("down.txt").toString()));
            lines.add(concat(mode, "put", local.toString(), base + "up.txt"));
            lines.add(concat(mode, "cat", base + "file.txt"));
        }
        lines.add(new String[] {"ls", "--bogus-option"});
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("SMBCO_USER", "training", "SMBCO_PASSWORD", "training", "SMBCO_DOMAIN", "WORKGROUP");
        for (String[] line : lines) {
            String[] withTimeout = concat(new String[] {"--timeout", "2", "-q"}, line);
            try {
                Main.run(withTimeout, new Io(new ByteArrayInputStream(new byte[0]), sink, sink, env, Terminal.NONE));
            } catch (RuntimeException e) {
                // keep going: the next command line loads other classes
            }
        }
    }

    private static void crypto() {
        try {
            // the client's half of an NTLM logon inside SPNEGO, against a made-up CHALLENGE
            // (MD4, HMAC-MD5, RC4 and the ASN.1 of SPNEGO), then the SMB 3.1.1 key derivation
            Authenticator auth = Spnego.ntlm(NtlmCredentials.of("training", "WORKGROUP", "training".toCharArray()), NtlmConfig.defaults());
            auth.initialToken();
            auth.step(TrainingPeer.challenge());
            SessionKeys.derive(Dialect.SMB3_11, auth.sessionKey(), new byte[SessionKeys.PREAUTH_HASH_LENGTH], CipherId.AES_128_GCM).destroy();
        } catch (RuntimeException e) {
            // not fatal: the cache just lacks these classes
        }
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        byte[] key16 = new byte[16];
        byte[] key32 = new byte[32];
        ByteBuf message = alloc.buffer(64 + 4096);
        try {
            message.writeInt(0xFE534D42).writeZero(60).writeZero(4096);
            for (SigningAlgorithm a : SigningAlgorithm.values()) {
                try {
                    MessageSigner s = MessageSigner.create(a, key16);
                    s.sign(message);
                    s.verify(message);
                } catch (RuntimeException e) {
                    // next algorithm
                }
            }
            for (CipherId c : CipherId.values()) {
                byte[] key = c.keyLength() == 32 ? key32 : key16;
                try {
                    ByteBuf frame = MessageEncryptor.create(c, key).encrypt(alloc, message, 1L);
                    try {
                        MessageDecryptor.create(c, key).decrypt(frame).release();
                    } finally {
                        frame.release();
                    }
                } catch (RuntimeException e) {
                    // next cipher
                }
            }
        } finally {
            message.release();
        }
    }

    /** Messages of {@value #BULK_SIZE} bytes per round of {@link #bulkCrypto}. */
    private static final int BULK_SIZE = 1 << 20;
    /** Rounds of {@link #bulkCrypto}: enough for its loops to reach the optimising compiler (C2) in the training. */
    private static final int BULK_ROUNDS = 32;

    /**
     * What a big signed or sealed copy does per message, over 1 MiB messages in direct buffers, as
     * often as it takes the JIT to compile those loops with C2: the AES-GMAC digest of a body and the
     * signature over it (a signed READ's check, a signed WRITE), AES-128-GCM sealing and opening (the
     * negotiated cipher of SMB 3.1.1 against Samba or Windows). A copy in a fresh JVM spends its first
     * seconds in these loops interpreted or profiled; with the training's profiles in the cache
     * (JEP 515) the JIT can compile them sooner.
     */
    private static void bulkCrypto() {
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        byte[] key = new byte[16];
        ByteBuf message = alloc.directBuffer(Smb2Header.SIZE + BULK_SIZE);
        try {
            message.writeInt(0xFE534D42).writeZero(Smb2Header.SIZE - 4).writeZero(BULK_SIZE);
            MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, key);
            MessageEncryptor encryptor = MessageEncryptor.create(CipherId.AES_128_GCM, key);
            MessageDecryptor decryptor = MessageDecryptor.create(CipherId.AES_128_GCM, key);
            for (int i = 0; i < BULK_ROUNDS; i++) {
                ByteBuf body = message.slice(Smb2Header.SIZE, BULK_SIZE);
                signer.sign(message, signer.digestTail(body));
                signer.verify(message, signer.digestTail(body));
                ByteBuf frame = encryptor.reserve().seal(alloc, message, 1L);
                try {
                    decryptor.decrypt(frame).release();
                } finally {
                    frame.release();
                }
            }
        } catch (RuntimeException e) {
            // not fatal: the cache just lacks these profiles
        } finally {
            message.release();
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }
}
