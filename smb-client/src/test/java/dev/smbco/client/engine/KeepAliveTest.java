package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Idle ECHO probes and the silence after which a connection is declared dead. */
class KeepAliveTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger probes = new AtomicInteger();
    private final List<Throwable> errors = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    KeepAliveTest() {
        channel.freezeTime();
        channel.pipeline().addLast(new KeepAlive(Duration.ofSeconds(10), Duration.ofSeconds(30), probes::incrementAndGet, clock::get));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        });
    }

    private void pass(int seconds) {
        for (int i = 0; i < seconds * 4; i++) { // in quarter seconds, so every check runs on time
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(250));
            channel.advanceTimeBy(250, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
    }

    @Test
    void anIdleConnectionIsProbedOncePerInterval() {
        pass(9);
        assertThat(probes.get()).isZero();
        pass(2);
        assertThat(probes.get()).isEqualTo(1);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1})); // the echo's answer
        pass(8);
        assertThat(probes.get()).isEqualTo(1);
        pass(4); // checks run every quarter interval: the probe goes out within 12.5 s of the last traffic
        assertThat(probes.get()).isEqualTo(2);
        assertThat(errors).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void trafficPostponesTheProbe() {
        for (int i = 0; i < 5; i++) {
            pass(5);
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
        }
        assertThat(probes.get()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void aSilentServerIsDeclaredDeadAfterTheLimit() {
        pass(29);
        assertThat(errors).isEmpty();
        assertThat(probes.get()).isBetween(2, 3); // probes went out, nothing came back
        pass(2);
        assertThat(errors).singleElement().isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("nothing received from the server for 30 s").contains("declared dead"));
        pass(60);
        assertThat(errors).hasSize(1); // said once
        channel.finishAndReleaseAll();
    }

    @Test
    void configurationIsChecked() {
        assertThatThrownBy(() -> new KeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(30), () -> { }, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dev.smbco.client.SmbConfig.builder().keepAlive(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dev.smbco.client.SmbConfig.builder().noKeepAlive().build().keepAliveInterval()).isZero();
    }
}
