package dev.smbco.client.engine;

import dev.smbco.coro.Cancellable;
import dev.smbco.coro.LoopThreads;
import dev.smbco.coro.Loop;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * coro's {@link Loop} over a Netty {@link EventLoop}: requests of a connection deliver their
 * callbacks on the channel's own event loop, so completion, cleanup and the engine's state share
 * one thread and need no locks. Netty never runs {@code execute}d tasks inline, as {@link Loop}
 * requires.
 */
public final class NettyLoop implements Loop {
    private final EventLoop eventLoop;

    public NettyLoop(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
    }

    /** A thread factory whose threads mark themselves as loop threads before running the loop. */
    public static ThreadFactory threadFactory(String poolName) {
        DefaultThreadFactory netty = new DefaultThreadFactory(poolName, true);
        return task -> netty.newThread(() -> {
            LoopThreads.mark();
            task.run();
        });
    }

    public EventLoop eventLoop() {
        return eventLoop;
    }

    @Override
    public void execute(Runnable task) {
        eventLoop.execute(task);
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        ScheduledFuture<?> f = eventLoop.schedule(task, delay, unit);
        return () -> f.cancel(false);
    }

    @Override
    public boolean inLoop() {
        return eventLoop.inEventLoop();
    }

    @Override
    public String toString() {
        return "NettyLoop[" + eventLoop + "]";
    }
}
