package dev.smbco.protocol.smb2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Well-formed messages of every kind, as seeds for the fuzz test. */
final class Samples {
    /** A whole message (header + body) and how to decode it. */
    record Seed(String name, Command command, boolean response, int status, byte[] bytes) {
    }

    static final FileId FID = new FileId(0x0000000400000006L, 0x0000000400000001L);
    static final UUID GUID = UUID.fromString("12345678-9abc-def0-1122-334455667788");

    private Samples() {
    }

    static List<Seed> messages() {
        List<Seed> seeds = new ArrayList<>();
        for (Smb2Request r : requests()) {
            ByteBuf b = Frames.request(r);
            seeds.add(new Seed(r.getClass().getSimpleName(), r.command(), false, 0, ByteBufUtil.getBytes(b)));
            b.release();
        }
        byte[] payload = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        ByteBuf p = Unpooled.wrappedBuffer(payload);
        List<CreateContext> createContexts = List.of(new CreateContext.DurableHandleResponse(),
                new CreateContext.DurableHandleResponseV2(1, 2), new CreateContext.LeaseV2(GUID, 7, 0, 0, GUID, 1),
                new CreateContext.LeaseV1(GUID, 1, 0, 0), new CreateContext.MaximalAccessResponse(0, 0x1F01FF),
                new CreateContext.QueryOnDiskIdResponse(1, 2), new CreateContext.Unknown("ABCD", new byte[] {1}));
        List<NegotiateContext> negotiateContexts = negotiateContexts();
        response(seeds, Command.NEGOTIATE, 0, new NegotiateResponse(1, 0x0311, GUID, 0x2F, 1 << 23, 1 << 23, 1 << 23, 1, 2,
                new byte[] {0x60, 0x10, 0x20}, negotiateContexts)::encode);
        response(seeds, Command.SESSION_SETUP, NtStatus.STATUS_MORE_PROCESSING_REQUIRED, new SessionSetupResponse(1, payload)::encode);
        response(seeds, Command.LOGOFF, 0, new LogoffResponse()::encode);
        response(seeds, Command.TREE_CONNECT, 0, new TreeConnectResponse(1, 0x8000, 0x10, 0x1F01FF)::encode);
        response(seeds, Command.TREE_DISCONNECT, 0, new TreeDisconnectResponse()::encode);
        response(seeds, Command.CREATE, 0, new CreateResponse(0xFF, 0, 2, 1, 2, 3, 4, 5, 6, 0x20, FID, createContexts)::encode);
        response(seeds, Command.CLOSE, 0, new CloseResponse(1, 1, 2, 3, 4, 5, 6, 7)::encode);
        response(seeds, Command.FLUSH, 0, new FlushResponse()::encode);
        response(seeds, Command.READ, 0, new ReadResponse(p, 0, 0)::encode);
        response(seeds, Command.READ, NtStatus.STATUS_BUFFER_OVERFLOW, new ReadResponse(p, 0, 0)::encode);
        response(seeds, Command.WRITE, 0, new WriteResponse(17, 0)::encode);
        response(seeds, Command.LOCK, 0, new LockResponse()::encode);
        response(seeds, Command.IOCTL, 0, new IoctlResponse(Fsctl.FSCTL_PIPE_TRANSCEIVE, FID, new byte[] {1, 2}, p, 0)::encode);
        ByteBuf chunk = Unpooled.wrappedBuffer(new CopyChunkResponse(1, 2, 3).toBytes());
        response(seeds, Command.IOCTL, NtStatus.STATUS_INVALID_PARAMETER,
                new IoctlResponse(Fsctl.FSCTL_SRV_COPYCHUNK, FID, new byte[0], chunk, 0)::encode);
        chunk.release();
        response(seeds, Command.ECHO, 0, new EchoResponse()::encode);
        response(seeds, Command.QUERY_DIRECTORY, 0, new QueryDirectoryResponse(p)::encode);
        response(seeds, Command.CHANGE_NOTIFY, 0, new ChangeNotifyResponse(p)::encode);
        response(seeds, Command.QUERY_INFO, NtStatus.STATUS_BUFFER_OVERFLOW, new QueryInfoResponse(p)::encode);
        response(seeds, Command.SET_INFO, 0, new SetInfoResponse()::encode);
        response(seeds, Command.OPLOCK_BREAK, 0, new OplockBreakNotification(1, FID)::encode);
        response(seeds, Command.OPLOCK_BREAK, 0, new LeaseBreakNotification(1, 1, GUID, 7, 1, 0, 0, 0)::encode);
        response(seeds, Command.OPLOCK_BREAK, 0, new LeaseBreakResponse(0, GUID, 1, 0)::encode);
        SymbolicLinkError link = new SymbolicLinkError(4, "\\??\\C:\\t", "C:\\t", 1);
        response(seeds, Command.CREATE, NtStatus.STATUS_STOPPED_ON_SYMLINK,
                new ErrorResponse(Command.CREATE, NtStatus.STATUS_STOPPED_ON_SYMLINK, 0, link.toBytes())::encode);
        response(seeds, Command.CREATE, NtStatus.STATUS_STOPPED_ON_SYMLINK, new ErrorResponse(Command.CREATE,
                NtStatus.STATUS_STOPPED_ON_SYMLINK, 2, ErrorContext.toErrorData(List.of(new ErrorContext(0, link.toBytes()),
                new ErrorContext(ErrorContext.SHARE_REDIRECT, new byte[] {1, 2, 3}))))::encode);
        response(seeds, Command.QUERY_INFO, NtStatus.STATUS_BUFFER_TOO_SMALL,
                new ErrorResponse(Command.QUERY_INFO, NtStatus.STATUS_BUFFER_TOO_SMALL, 0, new byte[] {0, 2, 0, 0})::encode);
        response(seeds, Command.READ, NtStatus.STATUS_PENDING, ErrorResponse.of(Command.READ, NtStatus.STATUS_PENDING)::encode);
        p.release();
        seeds.addAll(published());
        return seeds;
    }

    static List<NegotiateContext> negotiateContexts() {
        return List.of(new NegotiateContext.PreauthIntegrityCapabilities(List.of(1), new byte[32]),
                new NegotiateContext.EncryptionCapabilities(List.of(2, 1)), new NegotiateContext.CompressionCapabilities(1, List.of(1, 2)),
                new NegotiateContext.NetnameNegotiateContext("srv"), new NegotiateContext.TransportCapabilities(1),
                new NegotiateContext.SigningCapabilities(List.of(2, 1)), new NegotiateContext.Unknown(7, new byte[] {1, 2}));
    }

    static List<Smb2Request> requests() {
        return List.of(
                NegotiateRequest.of(EnumSet.allOf(Dialect.class), 1, 0x7F, GUID, negotiateContexts()),
                new SessionSetupRequest(1, 1, 1, 0, 0, new byte[] {1, 2, 3, 4, 5}),
                new LogoffRequest(),
                new TreeConnectRequest(TreeConnectRequest.FLAG_EXTENSION_PRESENT, "\\\\s\\share",
                        List.of(new TreeConnectRequest.TreeConnectContext(1, new byte[] {1, 2, 3}))),
                TreeConnectRequest.of("\\\\server\\share"),
                new TreeDisconnectRequest(),
                new CreateRequest(0xFF, 2, 0x80000000, 0x80, 7, 3, 0x40, "dir\\file.txt", List.of(
                        new CreateContext.DurableHandleRequestV2(1, 2, GUID), new CreateContext.DurableHandleRequest(),
                        new CreateContext.DurableHandleReconnect(FID), new CreateContext.DurableHandleReconnectV2(FID, GUID, 0),
                        new CreateContext.LeaseV1(GUID, 7, 0, 0), new CreateContext.MaximalAccessRequest(0),
                        new CreateContext.MaximalAccessRequest(5), new CreateContext.QueryOnDiskIdRequest(),
                        new CreateContext.Timewarp(9), new CreateContext.AllocationSize(8), new CreateContext.SecurityDescriptor(new byte[] {1, 0}))),
                new CloseRequest(1, FID),
                new FlushRequest(FID),
                ReadRequest.of(FID, 0, 65536),
                // a wrapped heap array: nothing to release
                WriteRequest.of(FID, 0, Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9})),
                new LockRequest(0, FID, List.of(new LockElement(0, 1, 2), new LockElement(5, 5, 4))),
                IoctlRequest.fsctl(Fsctl.FSCTL_VALIDATE_NEGOTIATE_INFO, FileId.ALL_ONES,
                        new ValidateNegotiateInfoRequest(1, GUID, 1, List.of(0x300)).toBytes(), 24),
                new CancelRequest(),
                new EchoRequest(),
                new QueryDirectoryRequest(37, 1, 0, FID, "*", 65536),
                new ChangeNotifyRequest(1, 4096, FID, 0x17),
                new QueryInfoRequest(4, 32, 4096, 0, 0, FID, new byte[] {1, 2, 3, 4}),
                new SetInfoRequest(1, 4, 0, FID, new byte[40]),
                new OplockBreakAcknowledgment(0, FID),
                new LeaseBreakAcknowledgment(0, GUID, 1, 0));
    }

    /** FSCTL payloads (IOCTL input/output buffers) as seeds for the FSCTL decoders. */
    static List<byte[]> fsctlPayloads() {
        try {
            return List.of(
                    new ValidateNegotiateInfoRequest(0x7F, GUID, 1, List.of(0x202, 0x210, 0x300)).toBytes(),
                    new ValidateNegotiateInfoResponse(1, GUID, 1, 0x300).toBytes(),
                    new ResumeKeyResponse(new byte[24], new byte[] {1, 2, 3}).toBytes(),
                    new CopyChunkRequest(new byte[24], List.of(new CopyChunkRequest.Chunk(1, 2, 3))).toBytes(),
                    new CopyChunkResponse(1, 2, 3).toBytes(),
                    new DfsReferralRequest(4, "\\a\\b").toBytes(),
                    new DfsReferralResponse(4, 3, List.of(
                            new DfsReferralResponse.Referral(4, 1, 4, 300, "\\a\\b", "\\a\\b", "\\c\\d", List.of()),
                            new DfsReferralResponse.Referral(3, 0, 2, 600, "\\dom", "", "", List.of("\\dc1", "\\dc2")),
                            new DfsReferralResponse.Referral(2, 0, 0, 60, "\\e", "\\e", "\\f", List.of()),
                            new DfsReferralResponse.Referral(1, 0, 0, 0, "", "", "\\g\\h", List.of()))).toBytes(),
                    NetworkInterfaceInfo.toBytes(List.of(new NetworkInterfaceInfo(1, 1, 1000, InetAddress.getByName("192.0.2.1"), 0),
                            new NetworkInterfaceInfo(2, 2, 1000, InetAddress.getByName("2001:db8::2"), 445))),
                    new SymbolicLinkError(2, "\\??\\x", "x", 1).toBytes(),
                    ErrorContext.toErrorData(List.of(new ErrorContext(0, new byte[] {1, 2, 3}), new ErrorContext(1, new byte[9]))));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void response(List<Seed> seeds, Command command, int status, Consumer<ByteBuf> encode) {
        ByteBuf b = Frames.response(command, status, encode);
        seeds.add(new Seed(command + " response " + NtStatus.name(status), command, true, status, ByteBufUtil.getBytes(b)));
        b.release();
    }

    private static List<Seed> published() {
        List<Seed> seeds = new ArrayList<>();
        try (InputStream in = Samples.class.getResourceAsStream("/testvectors/smb2_wire_examples.json")) {
            for (JsonNode v : new ObjectMapper().readTree(in).get("vectors")) {
                byte[] bytes = HexFormat.of().parseHex(v.get("bytes").asText());
                int command = (bytes[12] & 0xFF) | (bytes[13] & 0xFF) << 8;
                int status = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8 | (bytes[10] & 0xFF) << 16 | (bytes[11] & 0xFF) << 24;
                boolean response = (bytes[16] & 1) != 0;
                seeds.add(new Seed(v.get("id").asText(), Command.fromCode(command), response, status, bytes));
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }
}
