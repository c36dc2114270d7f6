package dev.smbco.client.engine;

/**
 * MS-SMB2 3.2.4.1.5 / 3.2.5.1.4: the client's view of its credit window, plus the in-flight
 * memory budget. Hands out message ids: a request charging {@code n} credits takes {@code n}
 * consecutive ids and {@code n} credits; every response header grants new credits.
 *
 * <p>Pure bookkeeping, no queueing and no threads: the engine (confined to the event loop) asks
 * {@link #tryAcquire} and keeps a FIFO of requests that could not go yet.
 */
public final class CreditWindow {
    private final int target;
    private final long memoryBudget;
    private long nextMessageId;
    private int available;
    private int inFlightCredits;
    private long inFlightBytes;

    /**
     * @param target       how many credits the client tries to hold (available + in flight)
     * @param memoryBudget bytes of payload (read + write) allowed in flight at once
     */
    public CreditWindow(int target, long memoryBudget) {
        if (target < 1 || target > 0xFFFF) {
            throw new IllegalArgumentException("credit target " + target + " outside 1..65535");
        }
        this.target = target;
        this.memoryBudget = memoryBudget;
        this.available = 1; // MS-SMB2 3.2.4.1.5: a connection starts with one credit (for NEGOTIATE)
    }

    /**
     * Takes {@code charge} credits and message ids and {@code payload} bytes of budget.
     *
     * @return the first message id, or -1 if credits or budget are short (nothing taken then).
     *     A request larger than the whole budget may go alone, when nothing else is in flight.
     */
    public long tryAcquire(int charge, long payload) {
        if (charge < 1) {
            throw new IllegalArgumentException("charge " + charge);
        }
        if (available < charge) {
            return -1;
        }
        if (payload > 0 && inFlightBytes > 0 && inFlightBytes + payload > memoryBudget) {
            return -1;
        }
        long mid = nextMessageId;
        nextMessageId += charge;
        available -= charge;
        inFlightCredits += charge;
        inFlightBytes += payload;
        return mid;
    }

    /**
     * The CreditRequest to put in a request charging {@code charge} credits (already acquired):
     * enough to replace what it uses and to climb towards the target.
     */
    public int creditRequest(int charge) {
        int held = available + inFlightCredits;
        int wanted = charge + Math.max(0, target - held);
        return Math.min(0xFFFF, Math.max(1, wanted));
    }

    /** A response header granted {@code credits}. */
    public void grant(int credits) {
        available = (int) Math.min(Integer.MAX_VALUE, (long) available + credits);
    }

    /** A final response arrived (or the request was abandoned): its charge and payload leave the in-flight tally. */
    public void finished(int charge, long payload) {
        inFlightCredits = Math.max(0, inFlightCredits - charge);
        inFlightBytes = Math.max(0, inFlightBytes - payload);
    }

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
}
