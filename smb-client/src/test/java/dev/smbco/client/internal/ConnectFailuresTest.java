package dev.smbco.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A refused or unreachable host gets one plain sentence, whatever the transport's wording. */
class ConnectFailuresTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void nettysNativeWordingBecomesPlain() {
        assertThat(ConnectFailures.describe(new ConnectException("finishConnect(..) failed with error(-111): Connection refused"), TIMEOUT))
                .isEqualTo("connection refused");
        assertThat(ConnectFailures.describe(new ConnectException("finishConnect(..) failed with error(-113): No route to host"), TIMEOUT))
                .isEqualTo("no route to host");
        assertThat(ConnectFailures.describe(new ConnectException("connect(..) failed: Network is unreachable"), TIMEOUT))
                .isEqualTo("network is unreachable");
        assertThat(ConnectFailures.describe(new ConnectException("finishConnect(..) failed with error(-110): Connection timed out"), TIMEOUT))
                .isEqualTo("timed out");
    }

    @Test
    void typedCausesAndTheJdkWording() {
        assertThat(ConnectFailures.describe(new ConnectException("Connection refused"), TIMEOUT)).isEqualTo("connection refused");
        assertThat(ConnectFailures.describe(new NoRouteToHostException(), TIMEOUT)).isEqualTo("no route to host");
        assertThat(ConnectFailures.describe(new ConnectTimeoutException("connection timed out after 30000 ms: /10.0.0.1:445"), TIMEOUT))
                .isEqualTo("timed out after 30 s");
        assertThat(ConnectFailures.describe(null, TIMEOUT)).isEqualTo("cancelled");
    }

    @Test
    void anUnknownNativeErrorKeepsOnlyItsText() {
        assertThat(ConnectFailures.describe(new IOException("finishConnect(..) failed with error(-99): Cannot assign requested address"), TIMEOUT))
                .isEqualTo("cannot assign requested address");
    }
}
