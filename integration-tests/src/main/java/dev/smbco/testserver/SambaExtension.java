package dev.smbco.testserver;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Injects a {@link SambaServer} (shared) or a {@link DedicatedSambaServer} (this test's own,
 * stopped after it) into test methods. {@link UseSamba} picks variant and backend.
 * <ul>
 * <li>Server choice: {@code SMBCO_TEST_SERVER} if set (for the variant it declares), else a
 *     container when a Docker-compatible engine answers, else a private local smbd.</li>
 * <li>Shared servers are kept per (variant, backend) in the root context's store, so all test
 *     classes use the same one; they are stopped when the test run ends.</li>
 * <li>No server to be had: the test fails when the environment variable {@code CI} is set,
 *     else it is skipped, with one loud line on stderr per reason.</li>
 * </ul>
 */
public final class SambaExtension implements ParameterResolver, BeforeAllCallback, BeforeEachCallback {
    private static final Logger LOG = LoggerFactory.getLogger(SambaExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SambaExtension.class);
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    /** The server a parameter asks for. */
    private record Wanted(SambaVariant variant, SambaBackend[] backends) {
        static Wanted of(UseSamba use) {
            return use == null ? new Wanted(SambaVariant.DEFAULT, new SambaBackend[0]) : new Wanted(use.variant(), use.backend());
        }
    }

    /** A shared server or why it could not start, so a failed start is not retried by every test. */
    private record Shared(SambaServer server, RuntimeException failure) implements AutoCloseable {
        @Override
        public void close() {
            if (server instanceof DedicatedSambaServer d) {
                d.stop();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // a class-level @UseSamba that cannot be served skips (or, in CI, fails) the whole class at once
        UseSamba use = findOnClass(context.getRequiredTestClass());
        if (use != null) {
            checkAvailable(Wanted.of(use), false);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        for (Parameter p : method.getParameters()) {
            if (isServerType(p.getType())) {
                checkAvailable(wanted(p, method, context.getRequiredTestClass()), DedicatedSambaServer.class.equals(p.getType()));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return isServerType(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Parameter p = parameterContext.getParameter();
        Class<?> testClass = context.getRequiredTestClass();
        AnnotatedElement declaring = parameterContext.getDeclaringExecutable();
        Wanted wanted = wanted(p, declaring, testClass);
        boolean dedicated = DedicatedSambaServer.class.equals(p.getType());
        SambaBackend backend = checkAvailable(wanted, dedicated);
        if (dedicated) {
            DedicatedSambaServer server = SambaServers.start(wanted.variant(), backend);
            // closed by JUnit when this test (or class, for a constructor parameter) ends
            context.getStore(NAMESPACE).put(new Object(), server);
            return server;
        }
        if (backend == SambaBackend.EXTERNAL) {
            return SambaServers.external();
        }
        String key = "shared:" + wanted.variant() + ":" + backend;
        Shared shared = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(key, k -> startShared(wanted.variant(), backend), Shared.class);
        if (shared.failure() != null) {
            throw new ParameterResolutionException("shared Samba server " + wanted.variant().id() + " on " + backend
                    + " could not start: " + shared.failure().getMessage(), shared.failure());
        }
        return shared.server();
    }

    private static Shared startShared(SambaVariant variant, SambaBackend backend) {
        try {
            return new Shared(SambaServers.start(variant, backend), null);
        } catch (RuntimeException e) {
            LOG.error("shared Samba server {} on {} could not start", variant.id(), backend, e);
            return new Shared(null, e);
        }
    }

    /** The backend that serves {@code wanted}; if none, fails (CI) or aborts the test (elsewhere). */
    private static SambaBackend checkAvailable(Wanted wanted, boolean dedicated) {
        try {
            return SambaServers.choose(wanted.variant(), dedicated, wanted.backends());
        } catch (SambaUnavailableException e) {
            throw skipOrFail(e);
        }
    }

    /**
     * For tests that start servers themselves ({@link SambaServers#startDedicated}): turns "no
     * server here" into a failure when {@code CI} is set, else into a skip announced by one loud
     * line on stderr. Never returns normally; declared to return so callers can {@code throw} it.
     */
    public static RuntimeException skipOrFail(SambaUnavailableException e) {
        if (inCi()) {
            throw new AssertionError("CI is set, so a missing Samba server fails the build: " + e.getMessage(), e);
        }
        String line = "SKIPPED: Samba tests need a server: " + e.getMessage()
                + " -- run ./run-tests (sets one up), or set SMBCO_TEST_SERVER";
        if (ANNOUNCED.add(line)) {
            System.err.println("!!!!! smbco " + line);
        }
        throw new TestAbortedException(line);
    }

    private static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci) && !"0".equals(ci);
    }

    private static boolean isServerType(Class<?> type) {
        return SambaServer.class.equals(type) || DedicatedSambaServer.class.equals(type);
    }

    private static Wanted wanted(Parameter p, AnnotatedElement executable, Class<?> testClass) {
        UseSamba use = Optional.ofNullable(p.getAnnotation(UseSamba.class))
                .or(() -> Optional.ofNullable(executable.getAnnotation(UseSamba.class)))
                .orElseGet(() -> findOnClass(testClass));
        return Wanted.of(use);
    }

    private static UseSamba findOnClass(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            UseSamba use = c.getAnnotation(UseSamba.class);
            if (use != null) {
                return use;
            }
        }
        return null;
    }
}
