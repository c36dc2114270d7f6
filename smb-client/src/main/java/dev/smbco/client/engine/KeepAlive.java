package dev.smbco.client.engine;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Idle keep-alive (MS-SMB2 3.2.4.20 ECHO as a liveness probe): when nothing was sent or received
 * for {@code interval}, {@code probe} sends an ECHO; when nothing at all has been received for
 * {@code deadAfter}, the connection is declared dead — an {@link IOException} goes down the
 * pipeline and the engine fails every pending request with it. Lives first in the pipeline, so it
 * sees raw bytes in both directions; runs on the channel's event loop only.
 */
public final class KeepAlive extends ChannelDuplexHandler {
    private final long intervalNanos;
    private final long deadNanos;
    private final long periodNanos;
    private final Runnable probe;
    private final LongSupplier clock;
    private long lastRead;
    private long lastActivity;
    private ScheduledFuture<?> timer;

    /**
     * @param probe sends one ECHO (its own outcome does not matter: any reply counts as a sign of life)
     * @param clock nanosecond clock ({@code System::nanoTime}; tests pass their own)
     */
    public KeepAlive(Duration interval, Duration deadAfter, Runnable probe, LongSupplier clock) {
        if (interval.isNegative() || interval.isZero() || deadAfter.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("keep-alive interval " + interval + " must be positive and below deadAfter " + deadAfter);
        }
        this.intervalNanos = interval.toNanos();
        this.deadNanos = deadAfter.toNanos();
        this.periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), intervalNanos / 4);
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        long now = clock.getAsLong();
        lastRead = now;
        lastActivity = now;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        lastActivity = clock.getAsLong();
        ctx.write(msg, promise);
    }

    private void start(ChannelHandlerContext ctx) {
        if (timer != null) {
            return;
        }
        long now = clock.getAsLong();
        lastRead = now;
        lastActivity = now;
        schedule(ctx);
    }

    private void schedule(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> check(ctx), periodNanos, TimeUnit.NANOSECONDS);
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void check(ChannelHandlerContext ctx) {
        if (timer == null || !ctx.channel().isActive()) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastRead >= deadNanos) {
            timer = null;
            ctx.fireExceptionCaught(new IOException("nothing received from the server for "
                    + Duration.ofNanos(now - lastRead).toSeconds() + " s (keep-alive limit " + Duration.ofNanos(deadNanos) + "): connection declared dead"));
            return;
        }
        if (now - lastActivity >= intervalNanos) {
            lastActivity = now; // one probe per idle interval
            probe.run();
        }
        schedule(ctx);
    }
}
