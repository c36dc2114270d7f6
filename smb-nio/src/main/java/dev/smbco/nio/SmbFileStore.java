package dev.smbco.nio;

import dev.smbco.client.FsInfo;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;

/**
 * The share as a {@link FileStore}: its space comes from QUERY_INFO FileFsFullSizeInformation
 * (MS-FSCC 2.5.4) on the share root, asked anew on each call.
 */
final class SmbFileStore extends FileStore {
    private final SmbFileSystem fs;

    SmbFileStore(SmbFileSystem fs) {
        this.fs = fs;
    }

    private FsInfo info() throws IOException {
        SmbTree tree = fs.tree();
        return Errors.io(fs.root(), () -> {
            try (SmbFile root = tree.open("", OpenOptions.readAttributes())) {
                return root.fsInfo();
            }
        });
    }

    @Override
    public String name() {
        return fs.share();
    }

    @Override
    public String type() {
        return "smb";
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public long getTotalSpace() throws IOException {
        return info().totalBytes();
    }

    /** What this user may still write (quotas applied: CallerAvailableAllocationUnits). */
    @Override
    public long getUsableSpace() throws IOException {
        return info().callerAvailableBytes();
    }

    @Override
    public long getUnallocatedSpace() throws IOException {
        return info().actualAvailableBytes();
    }

    @Override
    public long getBlockSize() throws IOException {
        return info().bytesPerUnit();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == BasicFileAttributeView.class || type == DosFileAttributeView.class || type == SmbFileAttributeView.class;
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return SmbFileSystem.VIEWS.contains(name);
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) throws IOException {
        return switch (attribute) {
            case "totalSpace" -> getTotalSpace();
            case "usableSpace" -> getUsableSpace();
            case "unallocatedSpace" -> getUnallocatedSpace();
            default -> throw new UnsupportedOperationException("file store attribute '" + attribute + "' is not supported");
        };
    }

    @Override
    public String toString() {
        return fs + " (smb)";
    }
}
