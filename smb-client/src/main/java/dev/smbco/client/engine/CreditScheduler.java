package dev.smbco.client.engine;

import dev.smbco.client.SmbCreditShortfallException;
import dev.smbco.client.SmbProtocolException;
import java.util.function.LongSupplier;

/**
 * The credit and memory policy of one connection: the only place that decides who may send and how
 * large a READ or WRITE should be. Pure bookkeeping, confined to the event loop (except {@link
 * #ioSize}, which any thread may call); the engine keeps the queue and asks. This comment is the one
 * description of the policy (DEVELOPERS.md, "Credits and fairness", points here).
 *
 * <h2>Two size classes</h2>
 * A part is <em>small</em> when it charges one credit and carries at most 64 KiB of payload
 * ({@link #isSmall}): NEGOTIATE, CREATE, CLOSE, stat, delete, a 4 KiB READ or WRITE, each part of a
 * related compound of those. Everything else (the READs and WRITEs of a transfer) is <em>large</em>.
 * The classes share one FIFO queue but not the same limits:
 *
 * <h2>The policy</h2>
 * <ol>
 *   <li><b>Message ids and credits</b> (MS-SMB2 3.2.4.1.5, 3.1.5.2): a request charging {@code n}
 *       credits ({@code ceil(payload / 64 KiB)} with multi-credit, else 1) takes {@code n}
 *       consecutive message ids and {@code n} of the credits granted so far.</li>
 *   <li><b>The window follows the server</b>: the client holds {@code available + in flight}
 *       credits. The <em>ceiling</em> is the high-water mark of that count; it rises with every
 *       grant and falls when a final response grants less than its request's charge (the server
 *       shrinking the window, or having granted at an interim response), so it always says what
 *       the server actually lets this connection hold.</li>
 *   <li><b>Asking for more, on demand</b> (3.2.4.1.2): every request's CreditRequest replaces its
 *       own charge and asks for the gap up to the configured target plus what waits in the queue
 *       for credits right now ({@link #demand}, at most the target again): a queue that builds up
 *       asks the server for the credits it needs instead of waiting for the window to drain.</li>
 *   <li><b>Credits: a reserve for small requests.</b> 1/16 of the ceiling ({@link #reserve}, at
 *       least 1 once the ceiling reaches 8) is kept for small requests; the rest is shared by
 *       {@value #IO_SHARE} READs or WRITEs, so {@link #ioSize} = {@code min(negotiated max, 64 KiB *
 *       max(1, (ceiling - reserve) / 4))}: the negotiated 8 MiB on Samba's default window, 960 KiB
 *       with {@code smb2 max credits = 64}.</li>
 *   <li><b>Memory: a reserve for small requests.</b> Large requests may hold at most the budget
 *       minus 1/16 of it in payload; small ones may use all of it. A large request bigger than its
 *       share may still go alone (nothing large in flight), so nothing fails for lack of budget.</li>
 *   <li><b>Contention: large I/O steps back while small requests are active.</b> While a small
 *       request is in flight, or was asked for or answered less than {@value #LINGER_MILLIS} ms
 *       ago, large requests may hold at most {@value #CONTENDED_BYTES} bytes in flight plus
 *       {@value #BYTES_PER_SMALL_CREDIT} for each credit small requests hold (a few small requests:
 *       little; 64 concurrent small-file writers: most of the budget), and a transfer's chunks
 *       ({@link #transferSize}) are at most a quarter of that, at least {@value #CONTENDED_IO}. Why: on one TCP connection
 *       nothing overtakes, so a small request's answer queues behind every READ response the
 *       server is already sending, and its latency grows with the large bytes in flight; a lone
 *       writer of small files behind 64 MiB of 8 MiB READs ran at 15-25 % of its rate alone. Many
 *       concurrent small requests wait mostly for each other, so the transfer may keep more in
 *       flight. It takes the whole budget back {@value #LINGER_MILLIS} ms after the last small
 *       request (benchmarks/fairness.sh, BENCHMARKS.md "Fairness").</li>
 *   <li><b>FIFO, but not behind one that does not fit</b>: the head of the queue goes as soon as
 *       its charge is available and its class's budget allows its payload. While it waits, small
 *       requests and related compounds made only of small parts may pass it ({@link #tryPass},
 *       {@link #tryAcquireChain}): freely while the credits the head needs stay available (it
 *       waits for budget, not credits), else only while small requests hold less than the credit
 *       reserve and the head does not need the reserve too. Large requests keep their order. The
 *       head can therefore not starve: small traffic never holds more than the reserve of the
 *       credits it waits for, and it never holds large budget.</li>
 *   <li><b>Zero grants</b> (3.3.1.2: the server must never let the client's credits reach zero):
 *       with no credit available and nothing in flight, the client still holds the one credit the
 *       protocol guarantees and sends one request on it; the transfer goes on, slower.</li>
 *   <li><b>What can never fit fails at once</b>: a request whose charge exceeds what is
 *       available while nothing is in flight (so no grant can come) fails with a
 *       {@link SmbProtocolException} naming the charge and the grant ({@link #cannotFit}), not
 *       with a timeout. Sizing I/O by {@link #ioSize} keeps READ and WRITE out of this case
 *       unless the server shrinks its grant below one already queued request; then that READ or
 *       WRITE is sent again in halves, down to one credit (64 KiB), which always fits
 *       ({@link SmbCreditShortfallException}; SplitRead, SplitWrite). Nothing else ever
 *       fails here: every other wait ends when something in flight is answered.</li>
 * </ol>
 */
public final class CreditScheduler {
    /** MS-SMB2 3.1.5.2: one credit pays for up to 64 KiB of payload. */
    public static final int CREDIT_BYTES = 65536;
    /** How many READs or WRITEs of one transfer the window should hold at once. */
    static final int IO_SHARE = 4;
    /** How long after the last small request large I/O stays restrained. */
    static final long LINGER_MILLIS = 50;
    /** Payload bytes large requests may hold in flight while small requests are active, at least. */
    static final long CONTENDED_BYTES = 512 << 10;
    /** ... and for each credit small requests hold in flight, this many more. */
    static final long BYTES_PER_SMALL_CREDIT = 256 << 10;
    /** The largest READ or WRITE {@link #ioSize} hands out while small requests are active. */
    static final int CONTENDED_IO = 256 << 10;
    /** {@link #tryAcquire}/{@link #tryPass}: not now; a later response may make room. */
    public static final long WAIT = -1;
    /** {@link #tryAcquire}: never on this connection: nothing is in flight, so no grant can come. */
    public static final long NEVER = -2;

    private final int target;
    private final long memoryBudget;
    private LongSupplier nanoClock;
    private long nextMessageId;
    private int available;
    private int inFlightCredits;
    /** Credits of small requests in flight; read by {@link #ioSize} from any thread. */
    private volatile int smallCredits;
    /** When a small request was last asked about or answered (the clock's nanoseconds); read from any thread. */
    private volatile long lastSmall;
    private long inFlightBytes;
    private long largeBytes;
    private int ceiling;
    /** Credits the queue waits for now (set by the engine after each walk). */
    private int demand;
    /** Credits one READ/WRITE should charge; read from any thread by {@link #ioSize}. */
    private volatile int ioCredits = 1;

    /**
     * @param target       how many credits the client asks to hold (available + in flight)
     * @param memoryBudget bytes of payload (read + write) allowed in flight at once
     */
    public CreditScheduler(int target, long memoryBudget) {
        this(target, memoryBudget, System::nanoTime);
    }

    /** With a clock of its own (tests). */
    CreditScheduler(int target, long memoryBudget, LongSupplier nanoClock) {
        if (target < 1 || target > 0xFFFF) {
            throw new IllegalArgumentException("credit target " + target + " outside 1..65535");
        }
        this.target = target;
        this.memoryBudget = memoryBudget;
        this.nanoClock = nanoClock;
        this.available = 1; // MS-SMB2 3.2.4.1.5: a connection starts with one credit (for NEGOTIATE)
        this.ceiling = 1;
        this.lastSmall = nanoClock.getAsLong() - (LINGER_MILLIS + 1) * 1_000_000;
    }

    /** Tests: replaces the clock. */
    void clock(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.lastSmall = nanoClock.getAsLong() - (LINGER_MILLIS + 1) * 1_000_000;
    }

    /** A part charging {@code charge} credits with {@code payload} bytes is small: one credit, at most 64 KiB. */
    public static boolean isSmall(int charge, long payload) {
        return charge == 1 && payload <= CREDIT_BYTES;
    }

    // ---------------------------------------------------------------- who may send

    /**
     * The head of the queue asks to go: takes {@code charge} credits and message ids and
     * {@code payload} bytes of budget.
     *
     * @return the first message id; {@link #WAIT} if credits or budget are short (nothing taken);
     *     {@link #NEVER} if the charge exceeds what is available while nothing is in flight.
     *     A large request larger than its share of the budget may go alone, when no large payload is in flight.
     */
    public long tryAcquire(int charge, long payload) {
        checkCharge(charge);
        boolean small = isSmall(charge, payload);
        if (small) {
            touchSmall();
        }
        if (usable() >= charge && budgetAllows(small, payload)) {
            return take(charge, payload);
        }
        return inFlightCredits == 0 ? NEVER : WAIT;
    }

    /**
     * A chain of related requests (MS-SMB2 3.2.4.1.4) asks to go as one frame: all of it fits at
     * once or none of it goes. Each part takes its own charge and payload, in order, so the parts
     * get consecutive message ids and their responses return their tallies one by one
     * ({@link #responded}). A chain of small parts may pass a waiting head as a small request
     * does ({@link #tryPass}); any other chain never passes.
     *
     * @param headCharge 0 if the chain is the head of the queue, else the charge the head waits for
     * @return the first part's message id, {@link #WAIT} or {@link #NEVER} as {@link #tryAcquire}
     */
    public long tryAcquireChain(int[] charges, long[] payloads, int headCharge) {
        int total = 0;
        long bytes = 0;
        boolean small = true;
        for (int i = 0; i < charges.length; i++) {
            checkCharge(charges[i]);
            total += charges[i];
            bytes += Math.max(0, payloads[i]);
            small &= isSmall(charges[i], payloads[i]);
        }
        if (small) {
            touchSmall();
        }
        boolean go = headCharge == 0 ? usable() >= total && budgetAllows(small, bytes) : small && passes(headCharge, total, bytes);
        if (go) {
            long first = nextMessageId;
            for (int i = 0; i < charges.length; i++) {
                take(charges[i], payloads[i]);
            }
            return first;
        }
        return headCharge == 0 && inFlightCredits == 0 ? NEVER : WAIT;
    }

    /**
     * Whether any small request behind a head that waits for {@code headCharge} credits may pass it
     * now ({@link #tryPass} with the smallest charge and no payload).
     */
    public boolean mayPass(int headCharge) {
        return passes(headCharge, 1, 0);
    }

    /**
     * A request behind a waiting head asks to pass it. Only small requests may: at once while the
     * credits the head needs stay available; otherwise only while small requests hold less than
     * the {@link #reserve} and the head does not need the reserve too. Large ones keep their place.
     *
     * @return the message id, or {@link #WAIT}
     */
    public long tryPass(int headCharge, int charge, long payload) {
        checkCharge(charge);
        if (!isSmall(charge, payload)) {
            return WAIT;
        }
        touchSmall();
        return passes(headCharge, charge, payload) ? take(charge, payload) : WAIT;
    }

    private boolean passes(int headCharge, int charge, long payload) {
        if (usable() < charge || !budgetAllows(true, payload)) {
            return false;
        }
        if (available - charge >= headCharge) {
            return true; // the head waits for budget, not for these credits
        }
        int reserve = reserve(ceiling);
        return smallCredits + charge <= reserve && headCharge <= held() - reserve;
    }

    /** The error for a request {@link #tryAcquire} answered {@link #NEVER}: names the charge and the grant. */
    public SmbCreditShortfallException cannotFit(String description, int charge) {
        int granted = Math.max(available, 1);
        return new SmbCreditShortfallException(description + ": needs " + charge + " credits, but the server grants this connection only "
                + granted + " and nothing is in flight, so no more can come (MS-SMB2 3.2.4.1.5)", charge, granted);
    }

    /** The engine tells, after each walk of its queue, how many credits the requests still waiting need. */
    public void demand(int waitingCredits) {
        demand = Math.max(0, waitingCredits);
    }

    /**
     * The CreditRequest to put in a request charging {@code charge} credits (already taken):
     * enough to replace what it uses and to climb towards the target plus the {@link #demand}
     * (at most twice the target).
     */
    public int creditRequest(int charge) {
        long goal = (long) target + Math.min(demand, target);
        long wanted = charge + Math.max(0, goal - held());
        return (int) Math.min(0xFFFF, Math.max(1, wanted));
    }

    // ---------------------------------------------------------------- what the server grants

    /** An interim response or an unsolicited message granted {@code credits}. */
    public void grant(int credits) {
        available = (int) Math.min(Integer.MAX_VALUE, (long) available + credits);
        follow(ceiling);
    }

    /**
     * A request's final response granted {@code granted} credits: its charge and payload leave
     * the in-flight tally. A grant below the charge lowers the ceiling to what is held now.
     */
    public void responded(int charge, long payload, int granted) {
        available = (int) Math.min(Integer.MAX_VALUE, (long) available + granted);
        finished(charge, payload);
        follow(granted < charge ? 0 : ceiling);
    }

    /** A request ended without a response that counts (never sent, or the connection went down): its tally is returned. */
    public void finished(int charge, long payload) {
        inFlightCredits = Math.max(0, inFlightCredits - charge);
        long bytes = Math.max(0, payload);
        if (isSmall(charge, payload)) {
            smallCredits = Math.max(0, smallCredits - charge);
            touchSmall();
        } else {
            largeBytes = Math.max(0, largeBytes - bytes);
        }
        inFlightBytes = Math.max(0, inFlightBytes - bytes);
    }

    // ---------------------------------------------------------------- sizes

    /**
     * The READ or WRITE size to use now: {@code negotiatedMax}, shrunk so that {@value #IO_SHARE}
     * fit in what the server lets this connection hold. Safe from any thread.
     */
    public int ioSize(int negotiatedMax) {
        return (int) Math.max(1, Math.min(negotiatedMax, (long) ioCredits * CREDIT_BYTES));
    }

    /**
     * The chunk a streaming transfer (download, upload) should use for its next READ or WRITE:
     * {@link #ioSize}, and while small requests are active at most a quarter of what large
     * requests may then hold, at least {@value #CONTENDED_IO}. Only transfers, which ask per chunk,
     * shrink; a single read or write keeps {@link #ioSize}. Safe from any thread.
     */
    public int transferSize(int negotiatedMax) {
        long size = ioSize(negotiatedMax);
        if (contended()) {
            size = Math.min(size, Math.max(CONTENDED_IO, contendedShare() / IO_SHARE));
        }
        return (int) Math.max(1, size);
    }

    /** Credits kept for small requests while a large one waits: 1/16 of the ceiling, at least 1 from a ceiling of 8. */
    static int reserve(int ceiling) {
        return ceiling < 8 ? 0 : Math.max(1, ceiling / 16);
    }

    /** Whether small requests are active: one in flight, or one sent or answered less than {@value #LINGER_MILLIS} ms ago. */
    boolean contended() {
        return smallCredits > 0 || nanoClock.getAsLong() - lastSmall < LINGER_MILLIS * 1_000_000;
    }

    /** What large requests may hold while small ones are active: in proportion to the small credits in flight, at least {@value #CONTENDED_BYTES}. */
    private long contendedShare() {
        return Math.max(CONTENDED_BYTES, smallCredits * BYTES_PER_SMALL_CREDIT);
    }

    // ---------------------------------------------------------------- state, for the engine and tests

    /** Credits granted and not yet spent (CANCEL spends none: it reuses the cancelled request's id). */
    public int available() {
        return available;
    }

    public int inFlightCredits() {
        return inFlightCredits;
    }

    public long inFlightBytes() {
        return inFlightBytes;
    }

    public long nextMessageId() {
        return nextMessageId;
    }

    /** What the server lets this connection hold, as far as its grants tell. */
    public int ceiling() {
        return ceiling;
    }

    // ---------------------------------------------------------------- internals

    private int held() {
        return (int) Math.min(Integer.MAX_VALUE, (long) available + inFlightCredits);
    }

    /** MS-SMB2 3.3.1.2: with nothing available and nothing in flight the client still has one credit. */
    private int usable() {
        return available == 0 && inFlightCredits == 0 ? 1 : available;
    }

    private boolean budgetAllows(boolean small, long payload) {
        if (payload <= 0 || inFlightBytes == 0) {
            return true;
        }
        if (small) {
            return inFlightBytes + payload <= memoryBudget;
        }
        if (largeBytes == 0) {
            return true; // alone among the large ones, whatever its size
        }
        long share = memoryBudget - memoryBudget / 16;
        if (contended()) {
            share = Math.min(share, contendedShare());
        }
        return largeBytes + payload <= share && inFlightBytes + payload <= memoryBudget;
    }

    private void touchSmall() {
        lastSmall = nanoClock.getAsLong();
    }

    private long take(int charge, long payload) {
        long mid = nextMessageId;
        nextMessageId += charge;
        available = Math.max(0, available - charge); // the guaranteed credit leaves it at 0
        inFlightCredits += charge;
        long bytes = Math.max(0, payload);
        if (isSmall(charge, payload)) {
            smallCredits += charge;
        } else {
            largeBytes += bytes;
        }
        inFlightBytes += bytes;
        return mid;
    }

    /** Sets the ceiling to the larger of {@code floor} and what is held now, and the I/O size with it. */
    private void follow(int floor) {
        ceiling = Math.max(1, Math.max(floor, held()));
        int reserve = reserve(ceiling);
        ioCredits = Math.max(1, (ceiling - reserve) / IO_SHARE);
    }

    private static void checkCharge(int charge) {
        if (charge < 1) {
            throw new IllegalArgumentException("charge " + charge);
        }
    }
}
