package dev.smbco.testserver;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the test run's one {@link AdDc} (started on first use, ~15-40 s; stopped when the run
 * ends) into test methods and constructors. A machine that cannot run a DC (not root, no samba
 * or winbind) skips the test, or fails it when {@code CI} is set, like {@link SambaExtension}; a
 * DC that failed to start is not retried by every test.
 */
public final class AdDcExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AdDcExtension.class);

    /** The shared DC, or why there is none. */
    private record Shared(AdDc dc, RuntimeException failure) implements AutoCloseable {
        @Override
        public void close() {
            if (dc != null) {
                dc.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return AdDc.class.equals(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).computeIfAbsent("dc", k -> start(), Shared.class);
        if (shared.failure() instanceof SambaUnavailableException e) {
            throw SambaExtension.skipOrFail(e);
        }
        if (shared.failure() != null) {
            throw new ParameterResolutionException("the AD DC could not start: " + shared.failure().getMessage(), shared.failure());
        }
        return shared.dc();
    }

    private static Shared start() {
        try {
            return new Shared(AdDc.start(), null);
        } catch (RuntimeException e) {
            return new Shared(null, e);
        }
    }
}
