package dev.smbco.client;

import dev.smbco.client.compound.ChainTarget;
import dev.smbco.client.compound.RelatedChain;
import dev.smbco.client.engine.LateSuccess;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.fscc.FileInformation;
import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.CloseResponse;
import dev.smbco.protocol.smb2.CreateRequest;
import dev.smbco.protocol.smb2.CreateResponse;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.ImpersonationLevel;
import dev.smbco.protocol.smb2.InfoType;
import dev.smbco.protocol.smb2.OplockLevel;
import dev.smbco.protocol.smb2.ReadRequest;
import dev.smbco.protocol.smb2.ReadResponse;
import dev.smbco.protocol.smb2.SetInfoRequest;
import dev.smbco.protocol.smb2.WriteRequest;
import dev.smbco.protocol.smb2.WriteResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Supplier;

/**
 * The tree's small composites as related chains ({@link RelatedChain}): CREATE + operation + CLOSE
 * in one round trip where the connection compounds, else as the separate requests {@link SmbTree}
 * has always sent (the {@code separately} argument). Results match the separate requests exactly:
 * the same values and the same typed errors.
 */
final class TreeComposites {
    /** MS-ERREF STATUS_END_OF_FILE: a READ at or past the end (an empty file). */
    private static final int STATUS_END_OF_FILE = 0xC0000011;
    /** Data up to this size travels inside a compound (it is copied into the frame). */
    static final int SMALL_IO = 1 << 20;

    private final SmbTree tree;

    TreeComposites(SmbTree tree) {
        this.tree = tree;
    }

    private ChainTarget target(String p) {
        SmbConnection conn = tree.session().connection();
        return new ChainTarget(conn.sender(), tree.route(), tree.unc(p), tree.config().requestTimeout(), conn.compounding());
    }

    private LateSuccess undo(String p) {
        return (header, body) -> tree.closeUnclaimed(tree.unc(p), CreateResponse.decode(body).fileId());
    }

    static CreateRequest create(String p, OpenOptions o) {
        return new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION, o.access(), o.attributes(), o.shareAccess(),
                o.disposition(), o.options(), p, o.contexts());
    }

    /** See {@link SmbTree#readFileSend}. */
    Request<FileContent> readFile(String p, int maxLength) {
        Supplier<Request<FileContent>> separately = () -> Coroutine.start(tree.loop(), co -> {
            try (SmbFile f = co.await(tree.openSend(p, OpenOptions.read()))) {
                return new FileContent(f.stat(), co.await(f.readSend(0, maxLength)));
            }
        });
        if (maxLength > Math.min(SMALL_IO, ioSize(tree.negotiated().maxReadSize()))) {
            return separately.get();
        }
        return read(p, OpenOptions.read(), maxLength, separately);
    }

    /** See {@link SmbTree#writeFileSend}. */
    Request<Long> writeFile(String p, OpenOptions options, ByteBuf data) {
        ByteBuf held = data.retainedSlice();
        int length = held.readableBytes();
        Supplier<Request<Long>> separately = () -> Coroutine.start(tree.loop(), co -> {
            try (SmbFile f = co.await(tree.openSend(p, options))) {
                long written = co.await(f.writeSend(0, held));
                co.await(f.closeSend(Math.max(f.size(), written)));
                return written;
            }
        });
        Request<Long> r = length > Math.min(SMALL_IO, ioSize(tree.negotiated().maxWriteSize())) ? separately.get()
                : write(p, options, held, separately);
        r.onDone(done -> held.release());
        return r;
    }

    private int ioSize(int negotiatedMax) {
        return tree.session().connection().sender().engine().credits().ioSize(negotiatedMax);
    }

    /** CREATE + CLOSE: the metadata of the open (MS-SMB2 2.2.14), as {@code SmbFile.stat()} gives it. */
    Request<FileStat> stat(String p, Supplier<Request<FileStat>> separately) {
        return CompositeDeadline.bound(RelatedChain.open(create(p, OpenOptions.readAttributes()), undo(p))
                .close(0)
                .send(target(p), "CREATE+CLOSE " + tree.unc(p), parts -> SmbFile.statOf(CreateResponse.decode(parts.get(0).body())),
                        separately), tree.config(), "stat " + tree.unc(p));
    }

    /** CREATE + SET_INFO (MS-SMB2 2.2.39, FileId RELATED) + CLOSE: delete-on-close disposition, rename, times, attributes. */
    Request<Void> setInfo(String p, OpenOptions o, FileInformation information, Supplier<Request<Void>> separately) {
        SetInfoRequest set = new SetInfoRequest(InfoType.FILE, information.infoClass().id(), 0, FileId.RELATED, PathSetInfo.encode(information));
        return RelatedChain.open(create(p, o), undo(p))
                .then(set)
                .close(0)
                .send(target(p), "CREATE+SET_INFO+CLOSE " + tree.unc(p), parts -> null, separately);
    }

    /**
     * An open directory and the first page of its listing (null: the listing ended there). Closing
     * it closes the handle without waiting: what a coroutine does with a value that came too late.
     */
    record FirstPage(SmbFile dir, List<DirEntry> entries) implements AutoCloseable {
        @Override
        public void close() {
            dir.closeSend();
        }
    }

    /**
     * CREATE (the directory) + QUERY_DIRECTORY (FileId RELATED, SMB2_RESTART_SCANS): the open
     * handle and the first page in one round trip; the caller lists on and closes the handle. The
     * QUERY_DIRECTORY may end the listing at once (STATUS_NO_MORE_FILES, or STATUS_NO_SUCH_FILE for
     * a pattern that matches nothing): no entries. A failed CREATE fails the chain with its status;
     * when the chain's value reaches nobody the handle is closed ({@link RelatedChain}).
     */
    Request<FirstPage> openAndList(String p, String pattern, int outputLength, Supplier<Request<FirstPage>> separately) {
        return RelatedChain.open(create(p, OpenOptions.directory()), undo(p))
                .then(DirectoryQuery.request(FileId.RELATED, pattern, true, outputLength),
                        status -> DirectoryQuery.isEnd(status, true))
                .send(target(p), "CREATE+QUERY_DIRECTORY " + tree.unc(p), parts -> {
                    CreateResponse created = CreateResponse.decode(parts.get(0).body());
                    List<DirEntry> first = DirectoryQuery.page(parts.get(1).status(), parts.get(1).body());
                    return new FirstPage(new SmbFile(tree, p, created, null, null), first);
                }, separately);
    }

    /**
     * CREATE + READ of up to {@code length} bytes at 0 + CLOSE. An empty file answers the READ with
     * STATUS_END_OF_FILE: empty data. The data is a retained slice of the response frame.
     */
    Request<FileContent> read(String p, OpenOptions o, int length, Supplier<Request<FileContent>> separately) {
        return RelatedChain.open(create(p, o), undo(p))
                .then(ReadRequest.of(FileId.RELATED, 0, length), status -> status == STATUS_END_OF_FILE)
                .close(0)
                .send(target(p), "CREATE+READ+CLOSE " + tree.unc(p), parts -> {
                    FileStat stat = SmbFile.statOf(CreateResponse.decode(parts.get(0).body()));
                    ByteBuf data = parts.get(1).status() == STATUS_END_OF_FILE ? Unpooled.EMPTY_BUFFER
                            : ReadResponse.decode(parts.get(1).body()).data();
                    return new FileContent(stat, data);
                }, separately);
    }

    /**
     * CREATE + WRITE of {@code data} at 0 + CLOSE with SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB: the CLOSE
     * checks the size as {@code SmbFile.closeSend(expectedSize)} does, expecting
     * {@code max(size at the open, data)}. A WRITE the server took only partly cannot be continued
     * inside the chain: it fails the same check. {@code data} is borrowed until the request ends.
     */
    Request<Long> write(String p, OpenOptions o, ByteBuf data, Supplier<Request<Long>> separately) {
        int length = data.readableBytes();
        String u = tree.unc(p);
        return RelatedChain.open(create(p, o), undo(p))
                .then(WriteRequest.of(FileId.RELATED, 0, data))
                .close(CloseRequest.POSTQUERY_ATTRIB)
                .send(target(p), "CREATE+WRITE+CLOSE " + u, parts -> {
                    CreateResponse created = CreateResponse.decode(parts.get(0).body());
                    long count = WriteResponse.decode(parts.get(1).body()).count() & 0xFFFFFFFFL;
                    CloseResponse closed = CloseResponse.decode(parts.get(2).body());
                    long expected = Math.max(created.endOfFile(), length);
                    if (count == 0 && length > 0) {
                        throw new SmbNoProgressException("WRITE " + u + ": server accepted no data at offset 0", 0);
                    }
                    if (count != length) {
                        throw new SmbSizeMismatchException(u, length, count);
                    }
                    if (CloseAttributes.present(closed) && closed.endOfFile() != expected) {
                        throw new SmbSizeMismatchException(u, expected, closed.endOfFile());
                    }
                    return count;
                }, separately);
    }
}
