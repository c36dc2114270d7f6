package dev.smbco.cli.transfer;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Failures;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.Remote;
import dev.smbco.cli.remote.RemoteShare;
import dev.smbco.cli.transfer.Location.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The copy engine behind {@code cp}, {@code get} and {@code put}: resolves where a source lands (the
 * rules of {@code cp}), then copies one file, or a whole tree ({@link TreeCopy}) with many files at
 * once.
 *
 * <p>Rules: a directory source needs {@code recursive}; a destination that is an existing directory
 * (or ends with {@code /}) receives the source under its own name; a file never replaces a directory
 * (and a directory never a file); missing parent directories of the destination are created only
 * when {@code recursive}. Every file is written under a temporary name and renamed when complete
 * (see {@link PartialFiles}); a new tree on a share is written under one temporary name for the
 * whole tree ({@link TreeCopy}).
 */
public final class Copier {
    /** Files up to this size travel in one round trip (the share's small-file path): a tree copies more of them at once. */
    static final long SMALL_FILE = 1 << 20;

    private final Remote remote;
    private final PartialFiles partials;
    private final ProgressMeter meter;
    private final int parallel;
    private final int smallParallel;
    private final PrintStream err;
    private final InputStream stdin;
    private final OutputStream stdout;
    private boolean verify;
    private boolean resume;
    private int retries;
    private dev.smbco.cli.CommandDeadline deadline;
    private final ResumableCopy resumable;

    /**
     * @param parallel      files over {@link #SMALL_FILE} a tree copy copies at once
     * @param smallParallel smaller files (one round trip each) a tree copy copies at once
     * @param stdin         what {@code -} reads as a source
     * @param stdout        what {@code -} writes as a destination (flushed, never closed)
     * @param err           where per-file failures of a tree copy are reported
     */
    public Copier(Remote remote, PartialFiles partials, ProgressMeter meter, int parallel, int smallParallel,
                  InputStream stdin, OutputStream stdout, PrintStream err) {
        this.remote = remote;
        this.partials = partials;
        this.meter = meter;
        this.parallel = parallel;
        this.smallParallel = smallParallel;
        this.stdin = stdin;
        this.stdout = stdout;
        this.err = err;
        this.resumable = new ResumableCopy(err);
    }

    /**
     * {@code --resume}: partial files get names derived from their source, keep a sidecar
     * ({@link ResumableCopy}), stay when the copy fails or is interrupted, and a later run continues
     * them; a destination file that already has the source's size (and, downloaded, its
     * last-write time) counts as copied. {@code --retries N}: a file that failed with a connection
     * error is tried again up to N times ({@link Retries}), continuing its partial file.
     */
    /** {@code --deadline} (may be null): a copy is not tried again once it has passed. */
    public Copier deadline(dev.smbco.cli.CommandDeadline d) {
        this.deadline = d;
        return this;
    }

    public Copier resuming(boolean resume, int retries) {
        this.resume = resume;
        this.retries = retries;
        return this;
    }

    /**
     * With {@code verify}, every copied file is read back and its SHA-256 compared with the
     * source's before it is renamed to its real name ({@code --verify}).
     */
    public Copier verifying(boolean verify) {
        this.verify = verify;
        return this;
    }

    /** Copies {@code src} to {@code dst} following the rules of {@code cp}. */
    public void copy(Endpoint src, Endpoint dst, boolean recursive) {
        if (!(src instanceof Endpoint.Smb) && !(dst instanceof Endpoint.Smb)) {
            throw CliException.usage("one of SOURCE and DESTINATION must be an smb:// URL");
        }
        if (src instanceof Endpoint.Stdio) {
            copyFromStdin(dst);
            return;
        }
        Location from = locate(src);
        Kind kind = from.find().orElseThrow(() -> missing(from));
        if (kind.directory() && !recursive) {
            throw CliException.failed(from.toString(), "is a directory (use -r to copy it)");
        }
        if (dst instanceof Endpoint.Stdio) {
            if (kind.directory()) {
                throw CliException.failed(from.toString(), "is a directory; only a file can go to standard output");
            }
            Location.Smb s = (Location.Smb) from;
            meter.setTotal(kind.size());
            s.share().download(s.path(), stdout, meter);
            flush(stdout);
            meter.fileDone();
            return;
        }
        Location target = destination(from, dst, recursive);
        if (sameThing(from, target)) {
            throw CliException.failed(from.toString(), "source and destination are the same");
        }
        if (kind.directory()) {
            new TreeCopy(remote, partials, meter, parallel, smallParallel, err, this::copyFile).resuming(resume).copy(from, target);
        } else {
            meter.setTotal(kind.size());
            copyFile(from, kind.size(), target, target, false, false);
        }
    }

    /** Where {@code from} lands when copied to {@code dst}. */
    private Location destination(Location from, Endpoint dst, boolean recursive) {
        Location to = locate(dst);
        boolean into = switch (dst) {
            case Endpoint.Smb s -> s.url().into();
            case Endpoint.Local l -> l.into();
            case Endpoint.Stdio s -> false;
        };
        Optional<Kind> there = to.find();
        if (there.isPresent() && there.get().directory()) {
            return to.child(from.name());
        }
        if (there.isPresent() && into) {
            throw CliException.failed(to.toString(), "not a directory");
        }
        if (into) {
            if (!recursive) {
                throw CliException.failed(to.toString(), "no such directory (use -r to create it)");
            }
            to.mkdirs();
            return to.child(from.name());
        }
        Location parent = to.parent();
        Optional<Kind> parentKind = parent.find();
        if (parentKind.isEmpty()) {
            if (!recursive) {
                throw CliException.failed(parent.toString(), "no such directory (use -r to create missing directories)");
            }
            parent.mkdirs();
        } else if (!parentKind.get().directory()) {
            throw CliException.failed(parent.toString(), "not a directory");
        }
        return to;
    }

    /**
     * Copies one file to {@code target} through a temporary name: on success the temporary file
     * is renamed over the target, on failure it is deleted (unless {@code --resume} keeps it for the
     * next run) and its bytes are taken off the meter. {@code direct} (a file inside a temporary
     * tree on a share): written straight to {@code target}, and deleted there on failure. Errors
     * name {@code shown}. With {@code --retries} a failed attempt is repeated ({@link Retries}).
     */
    void copyFile(Location from, long size, Location target, Location shown, boolean fresh, boolean direct) {
        Optional<Kind> there = fresh ? Optional.empty() : target.find();
        if (there.isPresent() && there.get().directory()) {
            throw CliException.failed(target.toString(), "cannot overwrite a directory with a file");
        }
        if (resume && there.isPresent() && there.get().size() == size && Resumes.alreadyCopied(from, target, direct)) {
            meter.fileDone(); // a previous run copied it
            return;
        }
        PartialFiles.Partial partial = partialFor(from, target, direct);
        try {
            Retries.run(retries, err, meter, again -> copyOnce(from, size, target, shown, direct, partial, again), () -> revive(from, target),
                    () -> deadline != null && deadline.passed());
        } catch (RuntimeException e) {
            if (!resume) {
                partials.discard(partial);
            }
            throw e;
        }
    }

    /** The temporary file of a copy, registered for deletion on Ctrl-C unless {@code --resume} keeps it. */
    private PartialFiles.Partial partialFor(Location from, Location target, boolean direct) {
        String name = resumable() ? PartialFiles.partName(target.name(), Resumes.key(from)) : PartialFiles.partName(target.name());
        PartialFiles.Partial p = switch (target) {
            case Location.Smb t -> new PartialFiles.Partial.Remote(t.share(), direct ? t.path() : siblingPath(t.path(), name), resumable());
            case Location.Local t -> new PartialFiles.Partial.Local(t.path().resolveSibling(name));
        };
        return resume ? p : partials.register(p);
    }

    private boolean resumable() {
        return resume || retries > 0;
    }

    private static void revive(Location from, Location target) {
        for (Location l : new Location[] {from, target}) {
            if (l instanceof Location.Smb s) {
                s.share().revive();
            }
        }
    }

    private void copyOnce(Location from, long size, Location target, Location shown, boolean direct, PartialFiles.Partial partial, boolean again) {
        AtomicLong mine = new AtomicLong();
        LongConsumer counter = n -> {
            mine.addAndGet(n);
            meter.accept(n);
        };
        try {
            switch (target) {
                case Location.Smb t -> toShare(from, t, shown, direct, counter, ((PartialFiles.Partial.Remote) partial).path(), size > SMALL_FILE, again);
                case Location.Local t -> toLocal((Location.Smb) from, t, counter, ((PartialFiles.Partial.Local) partial).path(), size > SMALL_FILE, again);
            }
            partials.committed(partial);
            meter.fileDone();
        } catch (IOException e) {
            meter.forget(mine.get());
            throw Failures.local(e);
        } catch (RuntimeException e) {
            meter.forget(mine.get());
            throw e;
        }
    }

    private void toShare(Location from, Location.Smb target, Location shown, boolean direct, LongConsumer counter, String temp,
                         boolean large, boolean again) {
        RemoteShare share = target.share();
        // a small file (one round trip) is simply copied again: a sidecar would cost more than it saves
        boolean resumed = resumable() && from instanceof Location.Local && large;
        // the rename to the real name follows the upload's size-checked CLOSE; with --verify it
        // waits until the copy read back is the source, byte for byte
        String renameTo = verify || direct || resumed ? null : target.path();
        try {
            switch (from) {
                case Location.Local l when resumed ->
                        resumable.upload(l.path(), share, temp, shown.toString(), resume || again, counter);
                case Location.Local l -> share.upload(l.path(), temp, renameTo, counter);
                case Location.Smb s -> {
                    long copied = remote.sameConnection(s.url(), target.url())
                            ? s.share().serverCopy(s.path(), share, temp, renameTo, counter) : -1;
                    if (copied < 0) {
                        Pipe.copy(s.share(), s.path(), share, temp, renameTo, counter);
                    }
                }
            }
            if (verify) {
                byte[] source = switch (from) {
                    case Location.Local l -> Verify.local(l.path());
                    case Location.Smb s -> s.share().sha256(s.path());
                };
                Verify.same(source, share.sha256(temp), shown.toString());
            }
        } catch (CliException e) {
            throw renamed(e, share.url().withPath(temp).toString(), shown.toString());
        }
        if (resumed) {
            ResumableCopy.finished(share, temp);
        }
        if ((verify || resumed) && !direct) {
            share.rename(temp, target.path(), true);
        }
    }

    private void toLocal(Location.Smb from, Location.Local target, LongConsumer counter, Path temp, boolean large, boolean again)
            throws IOException {
        boolean resumed = resumable() && large;
        FileInfo info;
        try {
            info = resumed ? resumable.download(from, temp, target.toString(), resume || again, counter)
                    : from.share().download(from.path(), temp, counter);
        } catch (CliException e) {
            throw renamed(e, temp.toString(), target.path().toString());
        }
        if (verify) {
            Verify.same(from.share().sha256(from.path()), Verify.local(temp), target.toString());
        }
        if (info.modified() != null) {
            Files.setLastModifiedTime(temp, FileTime.from(info.modified()));
        }
        if (resumed) {
            ResumableCopy.finished(temp);
        }
        try {
            Files.move(temp, target.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target.path(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An error about the temporary file is reported under the name the user asked for. */
    private static CliException renamed(CliException e, String temp, String target) {
        if (!e.getMessage().startsWith(temp)) {
            return e;
        }
        return new CliException(e.status(), target + e.getMessage().substring(temp.length()), e.getCause());
    }

    /** {@code put - URL}: stdin to a file; the URL must name the file (there is no name to go "into"). */
    private void copyFromStdin(Endpoint dst) {
        if (!(dst instanceof Endpoint.Smb s)) {
            throw CliException.usage("standard input can only be copied to an smb:// URL");
        }
        if (s.url().into() || s.url().isRoot()) {
            throw CliException.usage("with '-' as the source the URL must name the file to create, not a directory: " + s.url());
        }
        Location.Smb target = (Location.Smb) locate(dst);
        Optional<Kind> there = target.find();
        if (there.isPresent() && there.get().directory()) {
            throw CliException.failed(target.toString(), "cannot overwrite a directory with a file");
        }
        if (target.parent().find().isEmpty()) {
            throw CliException.failed(target.parent().toString(), "no such directory");
        }
        RemoteShare share = target.share();
        String temp = siblingPath(target.path(), PartialFiles.partName(target.name()));
        PartialFiles.Partial partial = partials.remote(share, temp);
        boolean done = false;
        try {
            if (verify) {
                // standard input cannot be read twice: digest it on its way to the server
                java.security.MessageDigest md = Verify.sha256();
                try {
                    share.upload(new java.security.DigestInputStream(stdin, md), temp, null, meter);
                    Verify.same(md.digest(), share.sha256(temp), target.toString());
                } catch (CliException e) {
                    throw renamed(e, share.url().withPath(temp).toString(), target.toString());
                }
                share.rename(temp, target.path(), true);
            } else {
                share.upload(stdin, temp, target.path(), meter);
            }
            partials.committed(partial);
            meter.fileDone();
            done = true;
        } finally {
            if (!done) {
                partials.discard(partial);
            }
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw Failures.local(e);
        }
    }

    private Location locate(Endpoint e) {
        return switch (e) {
            case Endpoint.Smb s -> new Location.Smb(remote.share(s.url()), s.url().path());
            case Endpoint.Local l -> new Location.Local(l.path());
            case Endpoint.Stdio s -> throw new IllegalStateException("stdio has no location");
        };
    }

    private static boolean sameThing(Location a, Location b) {
        return switch (a) {
            case Location.Local x when b instanceof Location.Local y -> x.path().equals(y.path());
            case Location.Smb x when b instanceof Location.Smb y -> x.url().toString().equalsIgnoreCase(y.url().toString());
            default -> false;
        };
    }

    private static String siblingPath(String path, String name) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? name : path.substring(0, slash + 1) + name;
    }

    private static CliException missing(Location l) {
        return switch (l) {
            case Location.Smb s -> { s.share().stat(s.path()); yield CliException.failed(l.toString(), "no such file"); }
            case Location.Local x -> CliException.failed(l.toString(), "no such file or directory");
        };
    }
}
