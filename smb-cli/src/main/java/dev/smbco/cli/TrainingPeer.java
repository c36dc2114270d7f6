package dev.smbco.cli;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.auth.AvPair;
import dev.smbco.protocol.auth.NegTokenResp;
import dev.smbco.protocol.auth.NtlmChallenge;
import dev.smbco.protocol.auth.NtlmFlags;
import dev.smbco.protocol.auth.NtlmVersion;
import dev.smbco.protocol.auth.SpnegoToken;
import dev.smbco.protocol.auth.TargetInfo;
import dev.smbco.protocol.fscc.DirectoryListing;
import dev.smbco.protocol.fscc.FileIdBothDirectoryInformation;
import dev.smbco.protocol.fscc.FileInformationClass;
import dev.smbco.protocol.fscc.FileRenameInformation;
import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.CloseResponse;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateRequest;
import dev.smbco.protocol.smb2.CreateResponse;
import dev.smbco.protocol.smb2.EchoResponse;
import dev.smbco.protocol.smb2.ErrorResponse;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.LogoffResponse;
import dev.smbco.protocol.smb2.NegotiateResponse;
import dev.smbco.protocol.smb2.QueryDirectoryResponse;
import dev.smbco.protocol.smb2.ReadRequest;
import dev.smbco.protocol.smb2.ReadResponse;
import dev.smbco.protocol.smb2.RequestDecoder;
import dev.smbco.protocol.smb2.SessionSetupResponse;
import dev.smbco.protocol.smb2.SetInfoRequest;
import dev.smbco.protocol.smb2.SetInfoResponse;
import dev.smbco.protocol.smb2.TreeConnectResponse;
import dev.smbco.protocol.smb2.TreeDisconnectResponse;
import dev.smbco.protocol.smb2.WriteRequest;
import dev.smbco.protocol.smb2.WriteResponse;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A scripted SMB 2.1 peer for the start-up cache's training run ({@link Training}): just enough of
 * a server (NEGOTIATE, an NTLM logon in SPNEGO that it accepts without checking, TREE_CONNECT,
 * CREATE, QUERY_DIRECTORY, READ, WRITE, SET_INFO, CLOSE, compounds) for {@code ls}, {@code stat},
 * {@code get}, {@code put} and {@code cat} to run to their end, so that the classes and methods
 * of a whole command (not only up to the first request) are in the cache. It signs nothing and
 * requires no signing, so a client that asks for signing or encryption stops at the logon, as
 * before. It holds a share with {@code file.txt} (64 KiB), {@code big.bin} ({@value #BIG_SIZE}
 * bytes, not listed: what makes a copy's READ loop and file writes hot enough to be compiled and
 * profiled in the training) and a directory {@code dir} of 40 entries. Not a server for anything
 * else: it believes every client and keeps no state beyond a connection.
 */
final class TrainingPeer {
    private static final int DIALECT_2_1 = 0x0210;
    private static final int FILE_SIZE = 64 * 1024;
    /** The size of {@code big.bin}: 24 READs of the peer's 1 MiB. */
    static final int BIG_SIZE = 24 << 20;
    private static final int DIRECTORY = 0x10;
    private static final int NORMAL = 0x80;
    private static final long TIME = 133_000_000_000_000_000L;

    private final Socket socket;
    private final Map<FileId, String> open = new HashMap<>();
    private final Map<FileId, Long> written = new HashMap<>();
    private final Map<FileId, Boolean> listed = new HashMap<>();
    /** Names this connection created (a put's partial file, then its final name). */
    private final Set<String> created = new HashSet<>();
    private long nextFile = 1;

    private TrainingPeer(Socket socket) {
        this.socket = socket;
    }

    /** Serves every connection to {@code server}, each on a daemon thread, until the socket closes. */
    static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofPlatform().daemon().name("smbco-training-peer").start(() -> new TrainingPeer(s).run());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void run() {
        try (Socket s = socket) {
            // generous: the training runs at low priority, often on a loaded machine, and a client that
            // stalls for a few seconds mid-copy must not see its connection dropped (a hung one is
            // ended by the training's own time limit; this thread is a daemon)
            s.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                int length = in.readInt() & 0xFFFFFF; // Direct TCP: a zero byte, then 3 bytes of length
                byte[] frame = new byte[length];
                in.readFully(frame);
                byte[] reply = answer(Unpooled.wrappedBuffer(frame));
                if (reply == null) {
                    return;
                }
                out.write(new byte[] {0, (byte) (reply.length >>> 16), (byte) (reply.length >>> 8), (byte) reply.length});
                out.write(reply);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client hung up, or sent something this script does not know: the end either way
            if (Boolean.getBoolean("smbco.training.debug")) {
                e.printStackTrace();
            }
        }
    }

    /** The reply to one frame (a message or a compound of several), or null for what it cannot answer. */
    private byte[] answer(ByteBuf frame) {
        if (frame.getIntLE(0) != Smb2Header.PROTOCOL_ID) {
            return null; // SMB1 or a transform: not for this script
        }
        ByteBuf out = Unpooled.buffer();
        FileId lastCreated = null;
        int start = 0;
        int previous = -1;
        while (true) {
            ByteBuf part = frame.slice(start, frame.writerIndex() - start);
            Smb2Header h = Smb2Header.decode(part);
            int next = h.nextCommand();
            // the decoders read a body with its header in front (their offsets count from the header)
            ByteBuf body = part.duplicate().writerIndex(next == 0 ? part.writerIndex() : next).readerIndex(Smb2Header.SIZE);
            Reply r = reply(h, body, lastCreated);
            if (r.created != null) {
                lastCreated = r.created;
            }
            if (previous >= 0) {
                while ((out.writerIndex() - previous) % 8 != 0) {
                    out.writeByte(0);
                }
                out.setIntLE(previous + Smb2Header.OFFSET_NEXT_COMMAND, out.writerIndex() - previous);
            }
            previous = out.writerIndex();
            int flags = Smb2Header.FLAG_SERVER_TO_REDIR | (h.flags() & Smb2Header.FLAG_RELATED_OPERATIONS);
            new Smb2Header(0, r.status, h.command(), Math.max(1, Math.min(h.credits(), 64)), flags, 0, h.messageId(), 0, 0,
                    r.treeId >= 0 ? r.treeId : h.treeId(), r.sessionId >= 0 ? r.sessionId : h.sessionId(), new byte[16]).encode(out);
            r.body.accept(out);
            if (next == 0) {
                break;
            }
            start += next;
        }
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /** One response: status, body, and the ids the header should carry (-1: as the request's). */
    private record Reply(int status, Consumer<ByteBuf> body, long sessionId, int treeId, FileId created) {
        static Reply ok(Consumer<ByteBuf> body) {
            return new Reply(NtStatus.STATUS_SUCCESS, body, -1, -1, null);
        }

        static Reply error(Command command, int status) {
            return new Reply(status, ErrorResponse.of(command, status)::encode, -1, -1, null);
        }
    }

    private Reply reply(Smb2Header h, ByteBuf body, FileId lastCreated) {
        Command c = h.command();
        switch (c) {
            case NEGOTIATE:
                return Reply.ok(new NegotiateResponse(0x01, DIALECT_2_1, new UUID(1, 2), 0x4, 1 << 20, 1 << 20, 1 << 20,
                        TIME, 0, new byte[0], List.of())::encode);
            case SESSION_SETUP:
                if (h.sessionId() == 0) {
                    return new Reply(NtStatus.STATUS_MORE_PROCESSING_REQUIRED, new SessionSetupResponse(0, challenge())::encode,
                            0x1000, -1, null);
                }
                byte[] done = new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, null, null, null).encode();
                return Reply.ok(new SessionSetupResponse(0, done)::encode);
            case TREE_CONNECT:
                return new Reply(NtStatus.STATUS_SUCCESS, new TreeConnectResponse(1, 0, 0, 0x1F01FF)::encode, -1, 7, null);
            case CREATE:
                return create((CreateRequest) decode(h, body));
            case QUERY_DIRECTORY:
                return list(resolve(fileIdOf(body, 8), lastCreated), c);
            case READ: {
                ReadRequest r = (ReadRequest) decode(h, body);
                long left = sizeOf(open.get(resolve(r.fileId(), lastCreated))) - r.offset();
                if (left <= 0) {
                    return Reply.error(c, NtStatus.STATUS_END_OF_FILE);
                }
                ByteBuf data = Unpooled.wrappedBuffer(new byte[(int) Math.min(left, r.length())]);
                return Reply.ok(new ReadResponse(data, 0, 0)::encode);
            }
            case WRITE: {
                WriteRequest w = (WriteRequest) decode(h, body);
                FileId id = resolve(w.fileId(), lastCreated);
                int n = w.data().readableBytes();
                written.merge(id, w.offset() + n, Math::max);
                return Reply.ok(new WriteResponse(n, 0)::encode);
            }
            case SET_INFO: {
                SetInfoRequest r = (SetInfoRequest) decode(h, body);
                String name = open.get(resolve(r.fileId(), lastCreated));
                if (r.fileInfoClass() == FileInformationClass.FILE_RENAME_INFORMATION.id() && name != null) {
                    created.remove(name);
                    created.add(FileRenameInformation.decode(Unpooled.wrappedBuffer(r.buffer())).fileName().replace('\\', '/'));
                }
                return Reply.ok(new SetInfoResponse()::encode);
            }
            case CLOSE: {
                CloseRequest r = (CloseRequest) decode(h, body);
                FileId id = resolve(r.fileId(), lastCreated);
                String name = open.remove(id);
                long size = written.containsKey(id) ? written.remove(id) : sizeOf(name);
                listed.remove(id);
                int attributes = name != null && isDirectory(name) ? DIRECTORY : NORMAL;
                return Reply.ok(((r.flags() & CloseRequest.POSTQUERY_ATTRIB) != 0
                        ? new CloseResponse(CloseRequest.POSTQUERY_ATTRIB, TIME, TIME, TIME, TIME, size, size, attributes)
                        : new CloseResponse(0, 0, 0, 0, 0, 0, 0, 0))::encode);
            }
            case TREE_DISCONNECT:
                return Reply.ok(new TreeDisconnectResponse()::encode);
            case LOGOFF:
                return Reply.ok(new LogoffResponse()::encode);
            case ECHO:
                return Reply.ok(new EchoResponse()::encode);
            default:
                return Reply.error(c, NtStatus.STATUS_NOT_SUPPORTED);
        }
    }

    private static Smb2Request decode(Smb2Header h, ByteBuf body) {
        return RequestDecoder.decode(h, body.duplicate());
    }

    /** The FileId at {@code offset} of a request body (QUERY_DIRECTORY's is at 8). */
    private static FileId fileIdOf(ByteBuf body, int offset) {
        return FileId.decode(body.slice(body.readerIndex() + offset, FileId.SIZE));
    }

    private static FileId resolve(FileId id, FileId lastCreated) {
        return FileId.RELATED.equals(id) && lastCreated != null ? lastCreated : id;
    }

    private static boolean isDirectory(String name) {
        return name.isEmpty() || name.equals("dir");
    }

    private static long sizeOf(String name) {
        if (name == null) {
            return 0;
        }
        return name.equals("file.txt") ? FILE_SIZE : name.equals("big.bin") ? BIG_SIZE : 0;
    }

    private Reply create(CreateRequest r) {
        String name = r.name().replace('\\', '/');
        boolean exists = isDirectory(name) || name.equals("file.txt") || name.equals("big.bin") || name.startsWith("dir/") || created.contains(name);
        int disposition = r.createDisposition();
        if (!exists && (disposition == CreateDisposition.OPEN || disposition == CreateDisposition.OVERWRITE)) {
            return Reply.error(Command.CREATE, NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
        }
        created.add(name);
        FileId id = new FileId(nextFile, nextFile);
        nextFile++;
        open.put(id, name);
        long size = sizeOf(name);
        int attributes = isDirectory(name) ? DIRECTORY : NORMAL;
        return new Reply(NtStatus.STATUS_SUCCESS, new CreateResponse(0, 0, exists ? 1 : 2, TIME, TIME, TIME, TIME, size, size,
                attributes, id, List.of())::encode, -1, -1, id);
    }

    /** The first QUERY_DIRECTORY on a handle lists the directory; later ones say there is no more. */
    private Reply list(FileId id, Command c) {
        if (listed.put(id, true) != null) {
            return Reply.error(c, NtStatus.STATUS_NO_MORE_FILES);
        }
        String dir = open.getOrDefault(id, "");
        List<FileIdBothDirectoryInformation> entries = new ArrayList<>();
        entries.add(entry(".", DIRECTORY, 0, 1));
        entries.add(entry("..", DIRECTORY, 0, 2));
        if (dir.isEmpty()) {
            entries.add(entry("dir", DIRECTORY, 0, 3));
            entries.add(entry("file.txt", NORMAL, FILE_SIZE, 4));
        } else {
            for (int i = 0; i < 40; i++) {
                entries.add(entry("entry-" + i + ".txt", NORMAL, 100L * i, 10 + i));
            }
        }
        ByteBuf listing = Unpooled.buffer();
        DirectoryListing.encode(listing, entries);
        return Reply.ok(new QueryDirectoryResponse(listing)::encode);
    }

    private static FileIdBothDirectoryInformation entry(String name, int attributes, long size, long fileId) {
        return new FileIdBothDirectoryInformation(0, TIME, TIME, TIME, TIME, size, size, attributes, 0, "", fileId, name);
    }

    /** An NTLM CHALLENGE in an SPNEGO accept-incomplete; the peer never checks the AUTHENTICATE that answers it. */
    static byte[] challenge() {
        int flags = NtlmFlags.CLIENT_DEFAULT | NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL
                | NtlmFlags.NEGOTIATE_NTLM | NtlmFlags.NEGOTIATE_ALWAYS_SIGN | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY
                | NtlmFlags.NEGOTIATE_TARGET_INFO | NtlmFlags.REQUEST_TARGET;
        TargetInfo info = new TargetInfo(List.of(
                new AvPair(AvPair.MSV_AV_NB_DOMAIN_NAME, "WORKGROUP".getBytes(StandardCharsets.UTF_16LE)),
                new AvPair(AvPair.MSV_AV_NB_COMPUTER_NAME, "TRAINING".getBytes(StandardCharsets.UTF_16LE))));
        byte[] ntlm = new NtlmChallenge(flags, "WORKGROUP", new byte[8], info, NtlmVersion.DEFAULT).encode();
        return new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, SpnegoToken.NTLMSSP_OID, ntlm, null).encode();
    }
}
