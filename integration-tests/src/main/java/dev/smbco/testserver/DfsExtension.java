package dev.smbco.testserver;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the test run's one {@link DfsNamespace} (two smbds, started on first use, stopped when
 * the run ends). A machine that cannot run one (not root, no samba) skips the test, or fails it
 * when {@code CI} is set, like {@link SambaExtension}; a namespace that failed to start is not
 * retried by every test.
 */
public final class DfsExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DfsExtension.class);

    /** The shared namespace, or why there is none. */
    private record Shared(DfsNamespace dfs, RuntimeException failure) implements AutoCloseable {
        @Override
        public void close() {
            if (dfs != null) {
                dfs.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return DfsNamespace.class.equals(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).computeIfAbsent("dfs", k -> start(), Shared.class);
        if (shared.failure() instanceof SambaUnavailableException e) {
            throw SambaExtension.skipOrFail(e);
        }
        if (shared.failure() != null) {
            throw new ParameterResolutionException("the DFS namespace could not start: " + shared.failure().getMessage(), shared.failure());
        }
        return shared.dfs();
    }

    private static Shared start() {
        try {
            return new Shared(DfsNamespace.start(), null);
        } catch (RuntimeException e) {
            return new Shared(null, e);
        }
    }
}
