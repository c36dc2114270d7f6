package dev.smbco.testserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A test pinned to a backend that is not there is skipped, or fails under CI. */
class ExtensionPolicyTest {

    /** Run only by the launcher below (surefire skips nested classes). */
    @ExtendWith(SambaExtension.class)
    @UseSamba(backend = SambaBackend.EXTERNAL)
    static class PinnedToAnAbsentExternalServer {
        @Test
        void needsAServer(SambaServer server) {
            assertThat(server).isNotNull();
        }
    }

    @Test
    void unavailablePinnedBackendSkipsOrFailsInCi() {
        assumeTrue(System.getenv("SMBCO_TEST_SERVER") == null, "SMBCO_TEST_SERVER is set, so the external backend exists");
        List<TestExecutionResult> results = new ArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(PinnedToAnAbsentExternalServer.class)).build();
        Launcher launcher = LauncherFactory.create();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            launch(launcher, request, results);
        } finally {
            System.setErr(originalErr);
        }

        String ci = System.getenv("CI");
        boolean inCi = ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci) && !"0".equals(ci);
        assertThat(results).isNotEmpty();
        TestExecutionResult result = results.getFirst();
        assertThat(result.getStatus()).isEqualTo(inCi ? TestExecutionResult.Status.FAILED : TestExecutionResult.Status.ABORTED);
        assertThat(result.getThrowable()).get().asString()
                .contains("EXTERNAL: SMBCO_TEST_SERVER is not set")
                .contains(inCi ? "CI is set" : "SKIPPED");
        if (!inCi) {
            // the skip is announced by exactly one loud line
            assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("!!!!! smbco SKIPPED")))
                    .singleElement().asString().contains("SMBCO_TEST_SERVER is not set");
        }
    }

    private static void launch(Launcher launcher, LauncherDiscoveryRequest request, List<TestExecutionResult> results) {
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() || id.getSource().map(s -> s.toString().contains("PinnedToAnAbsentExternalServer")).orElse(false)
                        && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    results.add(result);
                }
            }
        });
    }
}
