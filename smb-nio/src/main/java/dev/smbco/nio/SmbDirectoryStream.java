package dev.smbco.nio;

import dev.smbco.client.DirEntry;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The entries of one directory, listed in full when the stream is opened (so a missing or
 * non-directory path fails at {@code newDirectoryStream}, as the JDK's does) and filtered lazily.
 * One iterator per stream; after {@link #close()} the iterator yields nothing more.
 */
final class SmbDirectoryStream implements DirectoryStream<Path> {
    private final SmbPath dir;
    private final List<DirEntry> entries;
    private final Filter<? super Path> filter;
    private boolean iterated;
    private volatile boolean closed;

    SmbDirectoryStream(SmbPath dir, List<DirEntry> entries, Filter<? super Path> filter) {
        this.dir = dir;
        this.entries = entries;
        this.filter = filter;
    }

    @Override
    public Iterator<Path> iterator() {
        if (closed) {
            throw new IllegalStateException("directory stream of " + dir + " is closed");
        }
        if (iterated) {
            throw new IllegalStateException("directory stream of " + dir + " has already given out its iterator");
        }
        iterated = true;
        Iterator<DirEntry> it = entries.iterator();
        return new Iterator<>() {
            private Path next;

            @Override
            public boolean hasNext() {
                while (next == null && !closed && it.hasNext()) {
                    Path p = dir.resolve(it.next().name());
                    try {
                        if (filter == null || filter.accept(p)) {
                            next = p;
                        }
                    } catch (IOException e) {
                        throw new DirectoryIteratorException(e);
                    }
                }
                return next != null && !closed;
            }

            @Override
            public Path next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Path p = next;
                next = null;
                return p;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
