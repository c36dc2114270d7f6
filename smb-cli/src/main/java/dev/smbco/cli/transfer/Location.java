package dev.smbco.cli.transfer;

import dev.smbco.cli.Failures;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** A resolved place a copy reads or writes: a local path, or a path on a connected share. */
sealed interface Location {

    /** What is there: directory or file, and the size of a file. */
    record Kind(boolean directory, long size) {
    }

    String name();

    Location child(String name);

    Location parent();

    /** The kind of what is there, or empty when nothing is. */
    Optional<Kind> find();

    void mkdir();

    /** Creates this directory and any missing parents. */
    void mkdirs();

    /** For messages. */
    @Override
    String toString();

    record Local(Path path) implements Location {
        @Override public String name() {
            return path.getFileName() == null ? path.toString() : path.getFileName().toString();
        }

        @Override public Location child(String name) {
            return new Local(path.resolve(name));
        }

        @Override public Location parent() {
            return path.getParent() == null ? this : new Local(path.getParent());
        }

        @Override public Optional<Kind> find() {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return Optional.of(new Kind(a.isDirectory(), a.isDirectory() ? 0 : a.size()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw Failures.local(e);
            }
        }

        @Override public void mkdir() {
            try {
                Files.createDirectory(path);
            } catch (IOException e) {
                throw Failures.local(e);
            }
        }

        @Override public void mkdirs() {
            try {
                if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(path);
                }
            } catch (IOException e) {
                throw Failures.local(e);
            }
        }

        @Override public String toString() {
            return path.toString();
        }
    }

    record Smb(RemoteShare share, String path) implements Location {
        public SmbUrl url() {
            return share.url().withPath(path);
        }

        @Override public String name() {
            return url().name();
        }

        @Override public Location child(String name) {
            return new Smb(share, path.isEmpty() ? name : path + "/" + name);
        }

        @Override public Location parent() {
            int slash = path.lastIndexOf('/');
            return new Smb(share, slash < 0 ? "" : path.substring(0, slash));
        }

        @Override public Optional<Kind> find() {
            return share.find(path).map((FileInfo i) -> new Kind(i.directory(), i.size()));
        }

        @Override public void mkdir() {
            share.mkdir(path);
        }

        @Override public void mkdirs() {
            if (path.isEmpty()) {
                return;
            }
            Optional<Kind> here = find();
            if (here.isPresent()) {
                return; // a file in the way fails later, when something is written below it
            }
            parent().mkdirs();
            share.mkdir(path);
        }

        @Override public String toString() {
            return url().toString();
        }
    }
}
