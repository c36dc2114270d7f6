package dev.smbco.cli.transfer;

import dev.smbco.cli.CliException;
import dev.smbco.cli.ExitStatus;
import dev.smbco.cli.Failures;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.Remote;
import dev.smbco.cli.transfer.Location.Kind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recursive part of {@link Copier}: plans a tree (its directories, parents first, and its
 * files), creates the directories, then copies the files, many small ones at once and then a few
 * large ones, each through {@link Copier}'s one-file copy.
 */
final class TreeCopy {
    /** Copies one file (see {@link Copier#copyFile}). */
    @FunctionalInterface
    interface FileCopy {
        void copy(Location from, long size, Location target, Location shown, boolean fresh, boolean direct);
    }

    /** A file of a planned tree copy, by its path relative to the tree's root. */
    private record PlannedFile(String relative, long size) {
    }

    private final Remote remote;
    private final PartialFiles partials;
    private final ProgressMeter meter;
    private final int parallel;
    private final int smallParallel;
    private final PrintStream err;
    private final FileCopy fileCopy;
    private boolean resume;

    TreeCopy(Remote remote, PartialFiles partials, ProgressMeter meter, int parallel, int smallParallel, PrintStream err,
             FileCopy fileCopy) {
        this.remote = remote;
        this.partials = partials;
        this.meter = meter;
        this.parallel = parallel;
        this.smallParallel = smallParallel;
        this.err = err;
        this.fileCopy = fileCopy;
    }

    /**
     * {@code --resume}: a new tree on a share is built under a temporary name derived from the source
     * (the same in every run), kept when the copy fails or is interrupted, and filled up by the next
     * run (see {@link #copyNewRemoteTree}).
     */
    TreeCopy resuming(boolean resume) {
        this.resume = resume;
        return this;
    }

    /**
     * Copies a directory tree: directories first (parents before children), then files in
     * parallel. A new tree on a share is built under one hidden temporary name next to its
     * destination and renamed to it when every file is in ({@link #copyNewRemoteTree}).
     */
    void copy(Location from, Location target) {
        Optional<Kind> there = target.find();
        if (there.isPresent() && !there.get().directory()) {
            throw CliException.failed(target.toString(), "cannot overwrite a file with a directory");
        }
        List<String> dirs = new ArrayList<>();
        List<PlannedFile> files = new ArrayList<>();
        walk(from, "", dirs, files);
        meter.setTotal(files.stream().mapToLong(PlannedFile::size).sum());
        // a tree we create ourselves holds nothing we could collide with: no need to look first
        boolean fresh = there.isEmpty();
        int failed;
        if (fresh && target instanceof Location.Smb t) {
            failed = copyNewRemoteTree(from, t, dirs, files);
        } else {
            if (fresh) {
                target.mkdir();
            }
            failed = fill(from, target, target, dirs, files, fresh, false);
        }
        if (failed > 0) {
            throw new CliException(ExitStatus.FAILED, failed + " of " + files.size() + " files could not be copied to " + target);
        }
    }

    /**
     * A tree copied into a new directory on a share: built under a hidden temporary name
     * ({@code .NAME.smbco-part-<random suffix>}) with every file written straight to its final name
     * inside it (CREATE + WRITE + size-checked CLOSE: one round trip for a small file, where a
     * temporary name per file and its rename cost two, and twice the server's work), then
     * renamed to the destination as a whole. Nothing appears under the destination's name before
     * all files are in; a file that failed is deleted from the tree before the rename; a copy
     * that fails or is interrupted deletes the temporary tree. Returns the number of failed files.
     *
     * <p>With {@code --resume} the rule is: the temporary tree is named after the source
     * ({@link PartialFiles#partName(String, String)}) and is never deleted by smbco: a copy that is
     * killed leaves it (nothing could be done anyway), one that is interrupted (Ctrl-C) or where a
     * file fails keeps it and does not rename it, so nothing incomplete gets the real name. The
     * next {@code --resume} run finds it, skips the files that are complete (the source's size and
     * no resume sidecar), continues the partial ones, and renames the tree when all are in.
     */
    private int copyNewRemoteTree(Location from, Location.Smb target, List<String> dirs, List<PlannedFile> files) {
        Location.Smb temp = (Location.Smb) target.parent().child(
                resume ? PartialFiles.partName(target.name(), Resumes.key(from)) : PartialFiles.partName(target.name()));
        if (resume) {
            Optional<Kind> left = temp.find();
            boolean again = left.isPresent() && left.get().directory();
            if (!again) {
                temp.mkdir();
            }
            int failed;
            try {
                failed = fill(from, temp, target, dirs, files, !again, true);
            } catch (RuntimeException e) {
                keptForResume(target, temp);
                throw e;
            }
            if (failed > 0) {
                keptForResume(target, temp);
                return failed;
            }
            target.share().rename(temp.path(), target.path(), false);
            return 0;
        }
        PartialFiles.Partial partial = partials.remoteTree(temp.share(), temp.path());
        boolean done = false;
        try {
            temp.mkdir();
            int failed = fill(from, temp, target, dirs, files, true, true);
            target.share().rename(temp.path(), target.path(), false);
            partials.committed(partial);
            done = true;
            return failed;
        } finally {
            if (!done) {
                partials.discard(partial);
            }
        }
    }

    private void keptForResume(Location target, Location temp) {
        meter.stop();
        err.println("smbco: " + target + ": incomplete, kept as " + temp + " for the next --resume");
    }

    /**
     * Creates {@code dirs} under {@code root} and copies {@code files} there, up to
     * {@code smallParallel} small ones and then {@code parallel} large ones at once; errors name the same place under {@code shown}. {@code direct}:
     * each file goes straight to its name (the root is a temporary tree), not through a
     * temporary name of its own. Returns the number of failed files (each reported).
     */
    private int fill(Location from, Location root, Location shown, List<String> dirs, List<PlannedFile> files, boolean fresh,
                     boolean direct) {
        for (String dir : dirs) {
            Location d = resolve(root, dir);
            Optional<Kind> k = fresh ? Optional.empty() : d.find();
            if (k.isEmpty()) {
                d.mkdir();
            } else if (!k.get().directory()) {
                throw CliException.failed(resolve(shown, dir).toString(), "cannot overwrite a file with a directory");
            }
        }
        // the small files first, many at once, then the large ones, a few at once
        List<ParallelRunner.Task> small = new ArrayList<>();
        List<ParallelRunner.Task> large = new ArrayList<>();
        for (PlannedFile f : files) {
            (f.size() <= Copier.SMALL_FILE ? small : large).add(() -> fileCopy.copy(resolve(from, f.relative()), f.size(),
                    resolve(root, f.relative()), resolve(shown, f.relative()), fresh, direct));
        }
        java.util.function.Consumer<CliException> report = e -> {
            meter.stop();
            err.println("smbco: " + e.getMessage());
        };
        return ParallelRunner.run(remote.loop(), smallParallel, small, report) + ParallelRunner.run(remote.loop(), parallel, large, report);
    }

    private void walk(Location dir, String relative, List<String> dirs, List<PlannedFile> files) {
        switch (dir) {
            case Location.Smb s -> {
                for (FileInfo e : s.share().list(s.path())) {
                    String rel = relative.isEmpty() ? e.name() : relative + "/" + e.name();
                    if (e.directory()) {
                        dirs.add(rel);
                        walk(s.child(e.name()), rel, dirs, files);
                    } else {
                        files.add(new PlannedFile(rel, e.size()));
                    }
                }
            }
            case Location.Local l -> {
                List<Path> children;
                try (var stream = Files.list(l.path())) {
                    children = stream.sorted().toList();
                } catch (IOException e) {
                    throw Failures.local(e);
                }
                for (Path child : children) {
                    String name = child.getFileName().toString();
                    String rel = relative.isEmpty() ? name : relative + "/" + name;
                    if (Files.isDirectory(child)) {
                        dirs.add(rel);
                        walk(new Location.Local(child), rel, dirs, files);
                    } else if (Files.isRegularFile(child)) {
                        try {
                            files.add(new PlannedFile(rel, Files.size(child)));
                        } catch (IOException e) {
                            throw Failures.local(e);
                        }
                    } else {
                        err.println("smbco: " + child + ": skipped (not a regular file)");
                    }
                }
            }
        }
    }

    private static Location resolve(Location base, String relative) {
        Location l = base;
        for (String part : relative.split("/")) {
            l = l.child(part);
        }
        return l;
    }
}
