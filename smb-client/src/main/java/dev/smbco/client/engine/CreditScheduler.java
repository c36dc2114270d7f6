package dev.smbco.client.engine;

import dev.smbco.client.SmbProtocolException;

/**
 * The credit policy of one connection: the only place that decides who may send and how large a
 * READ or WRITE should be. Pure bookkeeping, confined to the event loop (except {@link #ioSize},
 * a volatile snapshot any thread may read); the engine keeps the queue and asks.
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
 *   <li><b>I/O sized to the window</b>: a small reserve ({@link #reserve}: 1/16 of the ceiling, at
 *       least 1 once the ceiling reaches 8) is kept for small requests; the rest is shared by
 *       {@value #IO_SHARE} READs or WRITEs, so {@link #ioSize} = {@code min(negotiated max,
 *       64 KiB * max(1, (ceiling - reserve) / 4))}. On Samba's default window (8192) that is the
 *       negotiated 8 MiB; with {@code smb2 max credits = 64} it is 960 KiB, four in flight.</li>
 *   <li><b>Asking for more</b> (3.2.4.1.2): every request's CreditRequest replaces its own charge
 *       and asks for the gap up to the configured target.</li>
 *   <li><b>FIFO, but not behind one that does not fit</b>: the head of the queue goes as soon as
 *       its charge is available (and the memory budget allows its payload). While it waits,
 *       small requests (charge 1: ECHO, CREATE, CLOSE, small reads and writes, ...) may pass it,
 *       but only while fewer than {@link #reserve} small requests are in flight and only if the
 *       head does not need the reserve too; larger ones keep their order. The head can therefore
 *       not starve: small traffic never holds more than the reserve, and everything else in
 *       flight drains back to it.</li>
 *   <li><b>Zero grants</b> (3.3.1.2: the server must never let the client's credits reach zero):
 *       with no credit available and nothing in flight, the client still holds the one credit the
 *       protocol guarantees and sends one request on it; the transfer goes on, slower.</li>
 *   <li><b>What can never fit fails at once</b>: a request whose charge exceeds what is
 *       available while nothing is in flight (so no grant can come) fails with a
 *       {@link SmbProtocolException} naming the charge and the grant ({@link #cannotFit}), not
 *       with a timeout. Sizing I/O by {@link #ioSize} keeps READ and WRITE out of this case
 *       unless the server shrinks its grant below one already queued request.</li>
 * </ol>
 * A fair scheduler between callers (issue #11) can build on {@link #tryPass}: the reserve is the
 * share small requests have while a transfer waits.
 */
public final class CreditScheduler {
    /** MS-SMB2 3.1.5.2: one credit pays for up to 64 KiB of payload. */
    public static final int CREDIT_BYTES = 65536;
    /** How many READs or WRITEs of one transfer the window should hold at once. */
    static final int IO_SHARE = 4;
    /** {@link #tryAcquire}/{@link #tryPass}: not now; a later response may make room. */
    public static final long WAIT = -1;
    /** {@link #tryAcquire}: never on this connection: nothing is in flight, so no grant can come. */
    public static final long NEVER = -2;

    private final int target;
    private final long memoryBudget;
    private long nextMessageId;
    private int available;
    private int inFlightCredits;
    /** Requests of charge 1 in flight (the ones that may pass a waiting head). */
    private int smallInFlight;
    private long inFlightBytes;
    private int ceiling;
    /** Credits one READ/WRITE should charge; read from any thread by {@link #ioSize}. */
    private volatile int ioCredits = 1;

    /**
     * @param target       how many credits the client asks to hold (available + in flight)
     * @param memoryBudget bytes of payload (read + write) allowed in flight at once
     */
    public CreditScheduler(int target, long memoryBudget) {
        if (target < 1 || target > 0xFFFF) {
            throw new IllegalArgumentException("credit target " + target + " outside 1..65535");
        }
        this.target = target;
        this.memoryBudget = memoryBudget;
        this.available = 1; // MS-SMB2 3.2.4.1.5: a connection starts with one credit (for NEGOTIATE)
        this.ceiling = 1;
    }

    // ---------------------------------------------------------------- who may send

    /**
     * The head of the queue asks to go: takes {@code charge} credits and message ids and
     * {@code payload} bytes of budget.
     *
     * @return the first message id; {@link #WAIT} if credits or budget are short (nothing taken);
     *     {@link #NEVER} if the charge exceeds what is available while nothing is in flight.
     *     A request larger than the whole budget may go alone, when no payload is in flight.
     */
    public long tryAcquire(int charge, long payload) {
        checkCharge(charge);
        if (usable() >= charge && budgetAllows(payload)) {
            return take(charge, payload);
        }
        return inFlightCredits == 0 ? NEVER : WAIT;
    }

    /**
     * A chain of related requests (MS-SMB2 3.2.4.1.4) asks to go as one frame: all of it fits at
     * once or none of it goes. Each part takes its own charge and payload, in order, so the parts
     * get consecutive message ids and their responses return their tallies one by one
     * ({@link #responded}). A chain never passes a waiting head.
     *
     * @return the first part's message id, {@link #WAIT} or {@link #NEVER} as {@link #tryAcquire}
     */
    public long tryAcquireChain(int[] charges, long[] payloads) {
        long total = 0;
        long bytes = 0;
        for (int i = 0; i < charges.length; i++) {
            checkCharge(charges[i]);
            total += charges[i];
            bytes += Math.max(0, payloads[i]);
        }
        if (usable() >= total && budgetAllows(bytes)) {
            long first = nextMessageId;
            for (int i = 0; i < charges.length; i++) {
                take(charges[i], payloads[i]);
            }
            return first;
        }
        return inFlightCredits == 0 ? NEVER : WAIT;
    }

    /**
     * Whether any request behind a head that waits for {@code headCharge} credits may pass it
     * now: small requests hold less than the reserve, and the head does not need the reserve.
     */
    public boolean mayPass(int headCharge) {
        int reserve = reserve(ceiling);
        return smallInFlight < reserve && headCharge <= held() - reserve && usable() >= 1;
    }

    /**
     * A request behind a waiting head asks to pass it. Only small requests (charge 1) may, within
     * {@link #mayPass}; larger ones keep their place.
     *
     * @return the message id, or {@link #WAIT}
     */
    public long tryPass(int headCharge, int charge, long payload) {
        checkCharge(charge);
        if (charge != 1 || !mayPass(headCharge) || !budgetAllows(payload)) {
            return WAIT;
        }
        return take(charge, payload);
    }

    /** The error for a request {@link #tryAcquire} answered {@link #NEVER}: names the charge and the grant. */
    public SmbProtocolException cannotFit(String description, int charge) {
        return new SmbProtocolException(description + ": needs " + charge + " credits, but the server grants this connection only "
                + Math.max(available, 1) + " and nothing is in flight, so no more can come (MS-SMB2 3.2.4.1.5)");
    }

    /**
     * The CreditRequest to put in a request charging {@code charge} credits (already taken):
     * enough to replace what it uses and to climb towards the target.
     */
    public int creditRequest(int charge) {
        int wanted = charge + Math.max(0, target - held());
        return Math.min(0xFFFF, Math.max(1, wanted));
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
        if (charge == 1) {
            smallInFlight = Math.max(0, smallInFlight - 1);
        }
        inFlightBytes = Math.max(0, inFlightBytes - payload);
    }

    // ---------------------------------------------------------------- sizes

    /**
     * The READ or WRITE size to use now: {@code negotiatedMax}, shrunk so that {@value #IO_SHARE}
     * fit in what the server lets this connection hold. Safe from any thread.
     */
    public int ioSize(int negotiatedMax) {
        return (int) Math.max(1, Math.min(negotiatedMax, (long) ioCredits * CREDIT_BYTES));
    }

    /** Credits kept for small requests while a large one waits: 1/16 of the ceiling, at least 1 from a ceiling of 8. */
    static int reserve(int ceiling) {
        return ceiling < 8 ? 0 : Math.max(1, ceiling / 16);
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

    private boolean budgetAllows(long payload) {
        return payload <= 0 || inFlightBytes == 0 || inFlightBytes + payload <= memoryBudget;
    }

    private long take(int charge, long payload) {
        long mid = nextMessageId;
        nextMessageId += charge;
        available = Math.max(0, available - charge); // the guaranteed credit leaves it at 0
        inFlightCredits += charge;
        if (charge == 1) {
            smallInFlight++;
        }
        inFlightBytes += Math.max(0, payload);
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
