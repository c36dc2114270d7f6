package dev.smbco.client;

import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable client configuration; build with {@link #builder()}. Every value has a sensible
 * default, so {@code SmbConfig.defaults()} is what {@code SmbClient.create()} uses.
 *
 * @param connectTimeout  TCP connect deadline
 * @param requestTimeout  default per-request deadline (60 s); an async-pending request that times
 *                        out is cancelled on the server with SMB2 CANCEL
 * @param echoTimeout     deadline of ECHO, shorter: an echo is a liveness probe
 * @param minDialect      lowest dialect offered (default SMB 2.0.2)
 * @param maxDialect      highest dialect offered (default SMB 3.1.1)
 * @param signing         {@link Policy#AUTO}: sign when the server requires it;
 *                        {@link Policy#REQUIRED}: always sign, refuse guest/anonymous sessions
 * @param encryption      {@link Policy#AUTO}: encrypt when the server asks (session or share);
 *                        {@link Policy#REQUIRED}: encrypt every session (SMB 3.x only)
 * @param creditTarget    credits the client asks the server to keep granted (default 1024: eight 8 MiB transfers in flight);
 *                        a server may grant fewer, and READ/WRITE sizes follow what it grants (engine.CreditScheduler)
 * @param maxIoSize       cap on a single READ/WRITE; actual = min(server max, cap), shrunk further to what the
 *                        credits held allow several of (default 8 MiB)
 * @param memoryBudget    payload bytes of reads and writes allowed in flight per connection (64 MiB)
 * @param transferDepth   reads or writes the transfer helpers keep in flight (default 8)
 * @param transport       event-loop transport: AUTO picks native epoll where available, else NIO
 * @param ioThreads       event-loop threads (default: number of processors)
 * @param ciphers         SMB 3.1.1 ciphers offered, most preferred first (default GCM before CCM, 128 before 256);
 *                        SMB 3.0/3.0.2 can only use AES-128-CCM, which must then be in the list to encrypt
 * @param signingAlgorithms SMB 3.1.1 signing algorithms offered in the signing-capabilities context, most
 *                        preferred first (default AES-GMAC, AES-CMAC); without AES-GMAC 3.1.1 signs with AES-CMAC
 * @param keepAliveInterval an ECHO is sent after this long without traffic (default 60 s; {@link Duration#ZERO} = never)
 * @param deadAfter       the connection is declared dead (every request fails with {@link SmbConnectionLostException})
 *                        after this long without anything received (default 180 s); must exceed the interval
 * @param compounding     send the small composites (stat, delete, rename, small reads and writes: CREATE + op + CLOSE)
 *                        as one related compound, one round trip (MS-SMB2 3.2.4.1.4; default on); off: separate requests.
 *                        A connection whose server rejects compounds falls back to separate requests by itself
 * @param reconnect       what a dropped connection does ({@link dev.smbco.client.resilience.ReconnectPolicy}; default off)
 * @param dfs             whether {@code smb://} opens through the pool follow DFS referrals, how many hops, to which
 *                        targets ({@link dev.smbco.client.dfs.DfsPolicy}; default on)
 * @param compositeTimeout one deadline for a whole composite operation (stat, list, walk, mkdirs, deleteTree, a
 *                        download or upload, a server-side copy), on top of each request's own: when it passes, the
 *                        composite's outstanding requests are cancelled and it fails with {@link SmbTimeoutException}
 *                        naming the operation and the deadline ({@link Duration#ZERO}, the default: none)
 */
public record SmbConfig(
        Duration connectTimeout,
        Duration requestTimeout,
        Duration echoTimeout,
        Dialect minDialect,
        Dialect maxDialect,
        Policy signing,
        Policy encryption,
        int creditTarget,
        int maxIoSize,
        long memoryBudget,
        int transferDepth,
        Transport transport,
        int ioThreads,
        List<CipherId> ciphers,
        List<SigningAlgorithm> signingAlgorithms,
        Duration keepAliveInterval,
        Duration deadAfter,
        boolean compounding,
        dev.smbco.client.resilience.ReconnectPolicy reconnect,
        dev.smbco.client.dfs.DfsPolicy dfs,
        Duration compositeTimeout) {

    /** Whether a security feature is negotiated as the server wishes or insisted upon. */
    public enum Policy {
        /** As the server wishes: used when the server requires it or asks for it. */
        AUTO,
        /** Always: a server or session that cannot do it is refused. */
        REQUIRED
    }

    /** Which Netty transport the event-loop group uses. */
    public enum Transport {
        /** Native epoll where Netty can load it (Linux), else NIO. */
        AUTO,
        /** Java NIO selectors, on every platform. */
        NIO,
        /** Netty's native epoll transport; {@code SmbClient.create} fails where it cannot be loaded. */
        EPOLL
    }

    /** Largest MaxReadSize/MaxWriteSize this client accepts: fits the 24-bit Direct TCP length with headers. */
    public static final int MAX_IO_SIZE = 8 * 1024 * 1024;

    /**
     * Checks the values against each other.
     *
     * @throws NullPointerException when a duration, dialect, policy, transport, list or the reconnect
     *     policy is null
     * @throws IllegalArgumentException when {@code minDialect > maxDialect}, {@code creditTarget} is
     *     outside 1..8192, {@code maxIoSize} outside 65536..{@value #MAX_IO_SIZE},
     *     {@code memoryBudget < maxIoSize}, {@code transferDepth} outside 1..256, {@code ioThreads < 1},
     *     a cipher or signing algorithm is named twice, the signing algorithms are empty or name
     *     HMAC-SHA256, the keep-alive interval is negative or not below {@code deadAfter}, or encryption
     *     is REQUIRED without a cipher or an SMB 3 dialect
     */
    public SmbConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(echoTimeout, "echoTimeout");
        Objects.requireNonNull(minDialect, "minDialect");
        Objects.requireNonNull(maxDialect, "maxDialect");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(dfs, "dfs");
        Objects.requireNonNull(compositeTimeout, "compositeTimeout");
        if (compositeTimeout.isNegative()) {
            throw new IllegalArgumentException("compositeTimeout " + compositeTimeout + " is negative");
        }
        if (minDialect.compareTo(maxDialect) > 0) {
            throw new IllegalArgumentException("minDialect " + minDialect + " is above maxDialect " + maxDialect);
        }
        if (creditTarget < 1 || creditTarget > 8192) {
            throw new IllegalArgumentException("creditTarget " + creditTarget + " outside 1..8192");
        }
        if (maxIoSize < 65536 || maxIoSize > MAX_IO_SIZE) {
            throw new IllegalArgumentException("maxIoSize " + maxIoSize + " outside 65536.." + MAX_IO_SIZE);
        }
        if (memoryBudget < maxIoSize) {
            throw new IllegalArgumentException("memoryBudget " + memoryBudget + " is below maxIoSize " + maxIoSize);
        }
        if (transferDepth < 1 || transferDepth > 256) {
            throw new IllegalArgumentException("transferDepth " + transferDepth + " outside 1..256");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads " + ioThreads + " must be at least 1");
        }
        ciphers = List.copyOf(Objects.requireNonNull(ciphers, "ciphers"));
        signingAlgorithms = List.copyOf(Objects.requireNonNull(signingAlgorithms, "signingAlgorithms"));
        if (ciphers.size() != Set.copyOf(ciphers).size()) {
            throw new IllegalArgumentException("ciphers " + ciphers + " name one twice");
        }
        if (signingAlgorithms.isEmpty() || signingAlgorithms.size() != Set.copyOf(signingAlgorithms).size()
                || signingAlgorithms.contains(SigningAlgorithm.HMAC_SHA256)) {
            // MS-SMB2 2.2.3.1.7: HMAC-SHA256 is defined, but 3.1.1 must not sign with it; SMB 2.x uses it regardless
            throw new IllegalArgumentException("signingAlgorithms " + signingAlgorithms
                    + " must name AES_GMAC and/or AES_CMAC, each once");
        }
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(deadAfter, "deadAfter");
        if (keepAliveInterval.isNegative() || (!keepAliveInterval.isZero() && deadAfter.compareTo(keepAliveInterval) <= 0)) {
            throw new IllegalArgumentException("keepAliveInterval " + keepAliveInterval + " must be zero (off) or positive and below deadAfter "
                    + deadAfter);
        }
        if (encryption == Policy.REQUIRED && ciphers.isEmpty()) {
            throw new IllegalArgumentException("encryption REQUIRED needs at least one cipher");
        }
        if (encryption == Policy.REQUIRED && !maxDialect.isSmb3()) {
            throw new IllegalArgumentException("encryption REQUIRED needs SMB 3.x, but maxDialect is " + maxDialect);
        }
    }

    /**
     * The defaults, as documented on each component.
     *
     * @return {@code builder().build()}
     */
    public static SmbConfig defaults() {
        return builder().build();
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder holding every value of this configuration
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.echoTimeout = echoTimeout;
        b.minDialect = minDialect;
        b.maxDialect = maxDialect;
        b.signing = signing;
        b.encryption = encryption;
        b.creditTarget = creditTarget;
        b.maxIoSize = maxIoSize;
        b.memoryBudget = memoryBudget;
        b.transferDepth = transferDepth;
        b.transport = transport;
        b.ioThreads = ioThreads;
        b.ciphers = ciphers;
        b.signingAlgorithms = signingAlgorithms;
        b.keepAliveInterval = keepAliveInterval;
        b.deadAfter = deadAfter;
        b.compounding = compounding;
        b.reconnect = reconnect;
        b.dfs = dfs;
        b.compositeTimeout = compositeTimeout;
        return b;
    }

    /** Builder for {@link SmbConfig}; every setter returns the builder. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration echoTimeout = Duration.ofSeconds(10);
        private Dialect minDialect = Dialect.SMB2_02;
        private Dialect maxDialect = Dialect.SMB3_11;
        private Policy signing = Policy.AUTO;
        private Policy encryption = Policy.AUTO;
        private int creditTarget = 1024;
        private int maxIoSize = MAX_IO_SIZE;
        private long memoryBudget = 64L * 1024 * 1024;
        private int transferDepth = 8;
        private Transport transport = Transport.AUTO;
        private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private List<CipherId> ciphers = List.of(CipherId.AES_128_GCM, CipherId.AES_128_CCM, CipherId.AES_256_GCM, CipherId.AES_256_CCM);
        private List<SigningAlgorithm> signingAlgorithms = List.of(SigningAlgorithm.AES_GMAC, SigningAlgorithm.AES_CMAC);
        private Duration keepAliveInterval = Duration.ofSeconds(60);
        private Duration deadAfter = Duration.ofSeconds(180);
        private boolean compounding = true;
        private dev.smbco.client.resilience.ReconnectPolicy reconnect = dev.smbco.client.resilience.ReconnectPolicy.off();
        private dev.smbco.client.dfs.DfsPolicy dfs = dev.smbco.client.dfs.DfsPolicy.on();
        private Duration compositeTimeout = Duration.ZERO;

        private Builder() {
        }

        /**
         * How long a TCP connect may take.
         *
         * @param d the TCP connect deadline (default 10 s)
         * @return this builder
         */
        public Builder connectTimeout(Duration d) { connectTimeout = d; return this; }

        /**
         * How long a request may wait for its response, unless it sets its own timeout.
         *
         * @param d the default per-request deadline (default 60 s)
         * @return this builder
         */
        public Builder requestTimeout(Duration d) { requestTimeout = d; return this; }

        /**
         * How long an ECHO may wait for its response.
         *
         * @param d the ECHO deadline (default 10 s)
         * @return this builder
         */
        public Builder echoTimeout(Duration d) { echoTimeout = d; return this; }

        /**
         * The lowest dialect offered in NEGOTIATE.
         *
         * @param d the lowest dialect offered (default SMB 2.0.2)
         * @return this builder
         */
        public Builder minDialect(Dialect d) { minDialect = d; return this; }

        /**
         * The highest dialect offered in NEGOTIATE.
         *
         * @param d the highest dialect offered (default SMB 3.1.1)
         * @return this builder
         */
        public Builder maxDialect(Dialect d) { maxDialect = d; return this; }

        /**
         * Offers exactly one dialect: sets both the lowest and the highest.
         *
         * @param d the dialect
         * @return this builder
         */
        public Builder dialect(Dialect d) { minDialect = d; maxDialect = d; return this; }

        /**
         * Whether sessions sign as the server wishes or always.
         *
         * @param p the signing policy (default AUTO)
         * @return this builder
         */
        public Builder signing(Policy p) { signing = p; return this; }

        /**
         * Whether sessions encrypt as the server wishes or always.
         *
         * @param p the encryption policy (default AUTO)
         * @return this builder
         */
        public Builder encryption(Policy p) { encryption = p; return this; }

        /**
         * How many credits the client asks the server to keep granted (MS-SMB2 3.2.4.1.2).
         *
         * @param n credits to keep granted, 1..8192 (default 1024)
         * @return this builder
         */
        public Builder creditTarget(int n) { creditTarget = n; return this; }

        /**
         * The cap on a single READ or WRITE.
         *
         * @param n cap on one READ/WRITE in bytes, 65536..{@value SmbConfig#MAX_IO_SIZE} (default 8 MiB)
         * @return this builder
         */
        public Builder maxIoSize(int n) { maxIoSize = n; return this; }

        /**
         * How many payload bytes of reads and writes may be in flight per connection.
         *
         * @param n payload bytes in flight per connection, at least {@code maxIoSize} (default 64 MiB)
         * @return this builder
         */
        public Builder memoryBudget(long n) { memoryBudget = n; return this; }

        /**
         * How many reads or writes the transfer helpers keep in flight.
         *
         * @param n reads or writes a transfer keeps in flight, 1..256 (default 8)
         * @return this builder
         */
        public Builder transferDepth(int n) { transferDepth = n; return this; }

        /**
         * Which Netty transport the event loops use.
         *
         * @param t the event-loop transport (default AUTO)
         * @return this builder
         */
        public Builder transport(Transport t) { transport = t; return this; }

        /**
         * How many event-loop threads the client runs.
         *
         * @param n event-loop threads, at least 1 (default: the number of processors)
         * @return this builder
         */
        public Builder ioThreads(int n) { ioThreads = n; return this; }

        /**
         * Ciphers offered, most preferred first (an empty list offers no encryption).
         *
         * @param c the ciphers, each at most once
         * @return this builder
         */
        public Builder ciphers(CipherId... c) { ciphers = List.of(c); return this; }

        /**
         * SMB 3.1.1 signing algorithms offered, most preferred first.
         *
         * @param a AES_GMAC and/or AES_CMAC, each at most once
         * @return this builder
         */
        public Builder signingAlgorithms(SigningAlgorithm... a) { signingAlgorithms = List.of(a); return this; }

        /**
         * ECHO after {@code interval} without traffic; declare the connection dead after {@code deadAfter} of silence.
         *
         * @param interval the idle time before an ECHO (default 60 s); zero for none
         * @param deadAfter the silence after which the connection is dead (default 180 s); longer than {@code interval}
         * @return this builder
         */
        public Builder keepAlive(Duration interval, Duration deadAfter) {
            keepAliveInterval = interval;
            this.deadAfter = deadAfter;
            return this;
        }

        /**
         * No keep-alive probes and no silence limit.
         *
         * @return this builder
         */
        public Builder noKeepAlive() { keepAliveInterval = Duration.ZERO; return this; }

        /**
         * Whether small composites travel as one related compound (default true).
         *
         * @param on true to compound CREATE + op + CLOSE (MS-SMB2 3.2.4.1.4)
         * @return this builder
         */
        public Builder compounding(boolean on) { compounding = on; return this; }

        /**
         * What a connection does when it drops: {@code ReconnectPolicy.off()} (the default: fail
         * everything, as a library user who rebuilds connections expects) or {@code
         * ReconnectPolicy.on(deadline)} (reconnect, re-authenticate and reopen durable handles
         * transparently; opens then ask for durable handles). See {@link dev.smbco.client.resilience.ReconnectPolicy}.
         *
         * @param p the policy
         * @return this builder
         */
        public Builder reconnect(dev.smbco.client.resilience.ReconnectPolicy p) { reconnect = p; return this; }

        /**
         * Whether {@code smb://} opens through the pool follow DFS referrals ({@code DfsPolicy.on()},
         * the default, or {@code DfsPolicy.off()}), with a hop limit and a filter on targets. See
         * {@link dev.smbco.client.dfs.DfsPolicy}.
         *
         * @param p the DFS policy; not null
         * @return this builder
         */
        public Builder dfs(dev.smbco.client.dfs.DfsPolicy p) { dfs = p; return this; }

        /**
         * One deadline for each whole composite operation (stat, list, walk, mkdirs, deleteTree,
         * download, upload, server-side copy); {@link Duration#ZERO} (the default) for none.
         *
         * @param d the overall deadline; zero for none, never negative
         * @return this builder
         */
        public Builder compositeTimeout(Duration d) { compositeTimeout = d; return this; }

        /**
         * The configuration.
         *
         * @return a new immutable configuration
         * @throws IllegalArgumentException as the {@link SmbConfig} constructor, for values that do not fit together
         */
        public SmbConfig build() {
            return new SmbConfig(connectTimeout, requestTimeout, echoTimeout, minDialect, maxDialect, signing, encryption,
                    creditTarget, maxIoSize, memoryBudget, transferDepth, transport, ioThreads, ciphers, signingAlgorithms,
                    keepAliveInterval, deadAfter, compounding, reconnect, dfs, compositeTimeout);
        }
    }
}
