package dev.smbco.coro;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Installs itself as the completion bug reporter until closed, and collects what is reported. */
final class BugCollector implements AutoCloseable {

    final List<IllegalStateException> bugs = new CopyOnWriteArrayList<>();
    private final Consumer<IllegalStateException> previous;

    BugCollector() {
        previous = Completer.setBugReporter(bugs::add);
    }

    @Override
    public void close() {
        Completer.setBugReporter(previous);
    }
}
