package dev.smbco.it.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a scenario did, step by step, in a form that does not depend on the file system: values as
 * strings, paths relative to the scenario's root, and exceptions as their type and the path they
 * name (relative too). Two runs of one scenario on different file systems must log the same lines.
 */
final class Outcomes {
    /** The exception types the contract compares exactly; any other IOException is logged as "IOException". */
    private static final Set<Class<?>> TYPED = Set.of(NoSuchFileException.class, FileAlreadyExistsException.class,
            DirectoryNotEmptyException.class, AccessDeniedException.class, NotDirectoryException.class,
            AtomicMoveNotSupportedException.class);

    /** A step that may throw. */
    interface Step<T> {
        T run() throws Exception;
    }

    final Path root;
    final List<String> lines = new ArrayList<>();

    Outcomes(Path root) {
        this.root = root;
    }

    /** Runs {@code step}, logging its value or its exception; returns the value (null after an exception). */
    <T> T step(String what, Step<T> step) {
        try {
            T v = step.run();
            lines.add(what + " = " + render(v));
            return v;
        } catch (Exception e) {
            lines.add(what + " ! " + render(e));
            return null;
        }
    }

    private String render(Object v) {
        if (v instanceof Path p) {
            return p.startsWith(root) ? "<root>/" + root.relativize(p) : p.toString();
        }
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        if (v instanceof Iterable<?> it) {
            List<String> out = new ArrayList<>();
            it.forEach(x -> out.add(render(x)));
            return out.toString();
        }
        return String.valueOf(v);
    }

    private String render(Exception e) {
        if (e instanceof java.nio.channels.ClosedChannelException) {
            // the JDK's truncate of a closed AsynchronousFileChannel throws the subclass AsynchronousCloseException;
            // its contract names ClosedChannelException
            return "ClosedChannelException";
        }
        if (!TYPED.contains(e.getClass())) {
            return e instanceof java.io.IOException ? "IOException" : e.getClass().getSimpleName();
        }
        FileSystemException f = (FileSystemException) e;
        // the path the exception names must be in its message, as the JDK's default file system puts it there
        assertThat(e.getMessage()).as("message of %s", e).contains(f.getFile());
        return e.getClass().getSimpleName() + "(" + relative(f.getFile()) + ")";
    }

    private String relative(String file) {
        String r = root.toString();
        return file != null && file.startsWith(r) ? "<root>" + file.substring(r.length()) : file;
    }
}
