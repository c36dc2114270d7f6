package dev.smbco.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.NoLeaks;
import java.io.InputStream;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;

/**
 * The one switch that puts every integration test class under {@link NoLeaks}: JUnit's extension
 * auto-detection is on and NoLeaks is the registered extension, so no class can forget it.
 */
class NoLeaksEverywhereTest {

    @Test
    void noLeaksIsAutoDetectedForEveryTestClass() throws Exception {
        Properties junit = new Properties();
        try (InputStream in = NoLeaksEverywhereTest.class.getResourceAsStream("/junit-platform.properties")) {
            assertThat(in).as("junit-platform.properties on the test class path").isNotNull();
            junit.load(in);
        }
        assertThat(junit.getProperty("junit.jupiter.extensions.autodetection.enabled")).isEqualTo("true");
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .as("extensions JUnit detects").contains(NoLeaks.class);
    }
}
