package dev.smbco.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies one direction of a {@link FaultProxy} connection. It follows Direct-TCP framing
 * (MS-SMB2 2.1): while no rule is installed a frame is streamed through in chunks; while rules
 * are installed each frame is read whole (at most 16 MiB, the 24-bit limit) and judged. A
 * stream whose first byte is not zero is not Direct-TCP and is passed through raw.
 */
final class Pump implements Runnable {
    private static final int CHUNK = 64 * 1024;

    private final ProxiedConnection connection;
    private final InputStream in;
    private final OutputStream out;
    private final FrameHooks hooks;
    private final StallGate gate;
    private final byte[] buffer = new byte[CHUNK];
    private final java.util.concurrent.atomic.LongAdder forwarded;

    Pump(ProxiedConnection connection, InputStream in, OutputStream out, FrameHooks hooks, StallGate gate,
         java.util.concurrent.atomic.LongAdder forwarded) {
        this.forwarded = forwarded;
        this.connection = connection;
        this.in = in;
        this.out = out;
        this.hooks = hooks;
        this.gate = gate;
    }

    @Override
    public void run() {
        try {
            pumpFrames();
            connection.directionDone(this);
        } catch (IOException e) {
            // a reset from either peer (or our own cut) ends the whole connection
            connection.abort();
        }
    }

    private void pumpFrames() throws IOException {
        byte[] prefix = new byte[Frames.PREFIX_LENGTH];
        while (true) {
            int n = in.readNBytes(prefix, 0, prefix.length);
            if (n == 0) {
                return;
            }
            if (n < prefix.length || prefix[0] != 0) {
                write(prefix, n);
                if (n == prefix.length) {
                    pumpRaw();
                }
                return;
            }
            int length = (prefix[1] & 0xFF) << 16 | (prefix[2] & 0xFF) << 8 | (prefix[3] & 0xFF);
            boolean complete = hooks.active() ? judgeFrame(prefix, length) : streamFrame(prefix, length);
            if (!complete || connection.isClosed()) {
                return;
            }
        }
    }

    /** Forwards a frame chunk by chunk; false if the stream ended inside it. */
    private boolean streamFrame(byte[] prefix, int length) throws IOException {
        write(prefix, prefix.length);
        int remaining = length;
        while (remaining > 0) {
            int r = in.read(buffer, 0, Math.min(buffer.length, remaining));
            if (r < 0) {
                return false;
            }
            write(buffer, r);
            remaining -= r;
        }
        return true;
    }

    /** Reads a whole frame, lets the rules judge it, forwards the outcome; false if the stream ended or was cut. */
    private boolean judgeFrame(byte[] prefix, int length) throws IOException {
        byte[] frame = in.readNBytes(length);
        if (frame.length < length) {
            write(prefix, prefix.length);
            write(frame, frame.length);
            return false;
        }
        FrameRule rule = hooks.hit(frame);
        if (rule != null) {
            switch (rule.action()) {
                case CUT -> {
                    rule.recordFire();
                    connection.abort();
                    return false;
                }
                case DROP -> {
                    rule.recordFire();
                    return true;
                }
                case HOLD -> {
                    rule.recordFire();
                    try {
                        rule.awaitRelease(connection::isClosed);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while holding a frame", e);
                    }
                    if (connection.isClosed()) {
                        return false;
                    }
                }
                case TRICKLE -> {
                    rule.recordFire();
                    return trickle(frame, rule.trickleGap());
                }
                case REWRITE -> {
                    frame = rule.apply(frame);
                    if (frame == null) {
                        return true;
                    }
                    if (frame.length > Frames.MAX_PAYLOAD) {
                        throw new IllegalStateException("a rewrite returned " + frame.length + " bytes; a frame holds at most " + Frames.MAX_PAYLOAD);
                    }
                }
            }
        }
        byte[] framed = framed(frame);
        write(framed, framed.length);
        return true;
    }

    /** Forwards prefix and frame one byte at a time, {@code gap} apart; false if the connection closed meanwhile. */
    private boolean trickle(byte[] frame, java.time.Duration gap) throws IOException {
        byte[] framed = framed(frame);
        for (byte b : framed) {
            write(new byte[] {b}, 1);
            out.flush();
            try {
                Thread.sleep(gap);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while trickling a frame");
            }
            if (connection.isClosed()) {
                return false;
            }
        }
        return true;
    }

    /** The frame with its Direct-TCP prefix (a zero byte and the 24-bit length). */
    private static byte[] framed(byte[] frame) {
        byte[] framed = new byte[Frames.PREFIX_LENGTH + frame.length];
        framed[1] = (byte) (frame.length >>> 16);
        framed[2] = (byte) (frame.length >>> 8);
        framed[3] = (byte) frame.length;
        System.arraycopy(frame, 0, framed, Frames.PREFIX_LENGTH, frame.length);
        return framed;
    }

    private void pumpRaw() throws IOException {
        int r;
        while ((r = in.read(buffer)) >= 0) {
            write(buffer, r);
        }
    }

    private void write(byte[] bytes, int length) throws IOException {
        gate.awaitOpen(connection::isClosed);
        if (connection.isClosed()) {
            throw new IOException("connection closed");
        }
        out.write(bytes, 0, length);
        forwarded.add(length);
    }
}
