package dev.smbco.protocol.crypto;

/**
 * The part of an AES-GMAC signature contributed by the bytes that end a message, computed before
 * the message exists (see {@link MessageSigner#digestTail}). Lets the bulk of the signing work
 * for a large WRITE run on the thread that produced its data, while the event loop that assigns
 * the message id only combines this digest with the header: GHASH is linear, so the header's
 * share and the tail's share of the hash can be computed apart and added.
 *
 * <p>Immutable; valid only with the signer that made it (another signer ignores it and signs the
 * whole message). Holds no key material: a GHASH partial sum, which without E(K, J0) reveals
 * nothing usable as a signature.
 */
public final class TailDigest {
    private final Object signer;
    private final long length;
    final long high;
    final long low;

    TailDigest(Object signer, long length, long high, long low) {
        this.signer = signer;
        this.length = length;
        this.high = high;
        this.low = low;
    }

    /** How many bytes at the end of the message this digest covers. */
    public long length() {
        return length;
    }

    boolean madeBy(Object s) {
        return signer == s;
    }

    @Override
    public String toString() {
        return "TailDigest[" + length + " bytes]";
    }
}
