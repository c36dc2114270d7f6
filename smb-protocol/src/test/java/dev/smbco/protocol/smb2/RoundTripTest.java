package dev.smbco.protocol.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCounted;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every request and response: encode, decode, equal. */
class RoundTripTest {
    static final FileId FID = new FileId(0x0000000400000006L, 0x0000000400000001L);
    static final UUID GUID = UUID.fromString("12345678-9abc-def0-1122-334455667788");
    /** Non-BMP characters (surrogate pairs), a combining accent and an unpaired surrogate. */
    static final String NAME = "dir\\\uD83D\uDE00 music \uD834\uDD1E-u\u0308-\uD800.txt";

    private static void assertRequest(Smb2Request r) {
        Frames.roundTrip(r, back -> assertThat(back).isEqualTo(r));
    }

    private static void assertResponse(Smb2Response r, int status, Consumer<ByteBuf> encode) {
        Smb2Response back = Frames.roundTrip(r.command(), status, encode);
        try {
            assertThat(back).isEqualTo(r);
        } finally {
            if (back instanceof ReferenceCounted rc) {
                assertThat(rc.release()).isTrue();
            }
        }
    }

    @Test
    void negotiate() {
        List<NegotiateContext> contexts = List.of(
                new NegotiateContext.PreauthIntegrityCapabilities(List.of(1), new byte[32]),
                new NegotiateContext.EncryptionCapabilities(List.of(2, 1, 4, 3)),
                new NegotiateContext.CompressionCapabilities(1, List.of(1, 2, 3)),
                new NegotiateContext.NetnameNegotiateContext("fileserver.example\uD83D\uDE00"),
                new NegotiateContext.TransportCapabilities(1),
                new NegotiateContext.SigningCapabilities(List.of(2, 1, 0)),
                new NegotiateContext.Unknown(0x0007, new byte[] {1, 2, 3}),
                new NegotiateContext.Unknown(0x7777, new byte[0]));
        assertRequest(NegotiateRequest.of(EnumSet.allOf(Dialect.class), SecurityMode.SIGNING_ENABLED, 0x7F, GUID, contexts));
        assertRequest(NegotiateRequest.of(EnumSet.of(Dialect.SMB2_02, Dialect.SMB3_00), SecurityMode.SIGNING_REQUIRED, 0, GUID, List.of()));
        NegotiateResponse r = new NegotiateResponse(1, 0x0311, GUID, 0x2F, 8 << 20, 8 << 20, 8 << 20, 0x01D0AECBADE5DAD8L,
                0x01D0AE95B04A0909L, new byte[] {0x60, 1, 2, 3, 4}, contexts.subList(0, 3));
        assertResponse(r, 0, r::encode);
        NegotiateResponse r2 = new NegotiateResponse(3, 0x0210, GUID, 0, 65536, 65536, 65536, 1, 2, new byte[0], List.of());
        assertResponse(r2, 0, r2::encode);
    }

    @Test
    void sessionSetup() {
        assertRequest(new SessionSetupRequest(SessionFlags.BINDING, 1, 1, 0, 0x55L, new byte[] {1, 2, 3, 4, 5}));
        assertRequest(new SessionSetupRequest(0, 2, 0, 0, 0, new byte[0]));
        SessionSetupResponse r = new SessionSetupResponse(SessionFlags.IS_GUEST | SessionFlags.ENCRYPT_DATA, new byte[] {9, 8, 7});
        assertResponse(r, NtStatus.STATUS_MORE_PROCESSING_REQUIRED, r::encode);
        assertResponse(r, 0, r::encode);
        assertThat(r.isGuest()).isTrue();
        assertThat(r.encryptData()).isTrue();
        assertThat(r.isNull()).isFalse();
    }

    @Test
    void emptyBodies() {
        assertRequest(new LogoffRequest());
        assertRequest(new TreeDisconnectRequest());
        assertRequest(new EchoRequest());
        assertRequest(new CancelRequest());
        assertResponse(new LogoffResponse(), 0, new LogoffResponse()::encode);
        assertResponse(new TreeDisconnectResponse(), 0, new TreeDisconnectResponse()::encode);
        assertResponse(new EchoResponse(), 0, new EchoResponse()::encode);
        assertResponse(new FlushResponse(), 0, new FlushResponse()::encode);
        assertResponse(new LockResponse(), 0, new LockResponse()::encode);
        assertResponse(new SetInfoResponse(), 0, new SetInfoResponse()::encode);
    }

    @Test
    void treeConnect() {
        assertRequest(TreeConnectRequest.of("\\\\server\\share"));
        assertRequest(TreeConnectRequest.of(""));
        assertRequest(new TreeConnectRequest(TreeConnectRequest.FLAG_EXTENSION_PRESENT | TreeConnectRequest.FLAG_REDIRECT_TO_OWNER,
                "\\\\server\\\uD83D\uDE00share", List.of(new TreeConnectRequest.TreeConnectContext(1, new byte[] {1, 2, 3}),
                new TreeConnectRequest.TreeConnectContext(9, new byte[12]))));
        assertRequest(new TreeConnectRequest(TreeConnectRequest.FLAG_EXTENSION_PRESENT, "\\\\s\\x", List.of()));
        TreeConnectResponse r = new TreeConnectResponse(ShareType.DISK, ShareFlags.ENCRYPT_DATA | ShareFlags.AUTO_CACHING, 0x10, 0x001F01FF);
        assertResponse(r, 0, r::encode);
        assertThat(r.encryptData()).isTrue();
    }

    @Test
    void create() {
        List<CreateContext> requestContexts = List.of(
                new CreateContext.DurableHandleRequest(),
                new CreateContext.DurableHandleReconnect(FID),
                new CreateContext.DurableHandleRequestV2(60000, CreateContext.DurableHandleRequestV2.PERSISTENT, GUID),
                new CreateContext.DurableHandleReconnectV2(FID, GUID, 2),
                new CreateContext.LeaseV1(GUID, LeaseState.READ_CACHING | LeaseState.HANDLE_CACHING, 0, 0),
                new CreateContext.LeaseV2(GUID, 7, 4, 0, UUID.randomUUID(), 3),
                new CreateContext.MaximalAccessRequest(0),
                new CreateContext.MaximalAccessRequest(0x01D0AECBADE5DAD8L),
                new CreateContext.QueryOnDiskIdRequest(),
                new CreateContext.Timewarp(0x01D0AECBADE5DAD8L),
                new CreateContext.AllocationSize(1 << 20),
                new CreateContext.SecurityDescriptor(new byte[] {1, 0, 4, (byte) 0x80, 0, 0, 0, 0}),
                new CreateContext.Unknown("ExtA", new byte[] {5, 6, 7}),
                new CreateContext.Unknown(new String(new byte[] {(byte) 0x93, (byte) 0xAD, 0x25, 0x50, (byte) 0x9C, (byte) 0xB4,
                        0x11, (byte) 0xE7, (byte) 0xB4, 0x23, (byte) 0x83, (byte) 0xDE, (byte) 0x96, (byte) 0x8B, (byte) 0xCD,
                        0x7C}, StandardCharsets.ISO_8859_1), new byte[20]));
        assertRequest(new CreateRequest(OplockLevel.LEASE, ImpersonationLevel.IMPERSONATION, AccessMask.GENERIC_READ | AccessMask.DELETE,
                FileAttributes.NORMAL, ShareAccess.ALL, CreateDisposition.OPEN_IF, CreateOptions.NON_DIRECTORY_FILE, NAME, requestContexts));
        assertRequest(new CreateRequest(0, 2, AccessMask.FILE_READ_ATTRIBUTES, 0, ShareAccess.READ, CreateDisposition.OPEN,
                CreateOptions.DIRECTORY_FILE, "", List.of()));
        assertRequest(new CreateRequest(0, 2, AccessMask.MAXIMUM_ALLOWED, 0, ShareAccess.READ, CreateDisposition.OPEN, 0, "",
                List.of(new CreateContext.MaximalAccessRequest(0))));
        List<CreateContext> responseContexts = List.of(
                new CreateContext.DurableHandleResponse(),
                new CreateContext.DurableHandleResponseV2(60000, 0),
                new CreateContext.LeaseV2(GUID, 1, 0, 0, GUID, 1),
                new CreateContext.MaximalAccessResponse(0, 0x001F01FF),
                new CreateContext.QueryOnDiskIdResponse(0x1234, 0x5678),
                new CreateContext.Unknown("RqLx", new byte[0]));
        CreateResponse r = new CreateResponse(OplockLevel.LEASE, 0, CreateAction.CREATED, 1, 2, 3, 4, 4096, 10,
                FileAttributes.ARCHIVE, FID, responseContexts);
        assertResponse(r, 0, r::encode);
        assertThat(r.context(CreateContext.MaximalAccessResponse.class)).get()
                .extracting(CreateContext.MaximalAccessResponse::maximalAccess).isEqualTo(0x001F01FF);
        CreateResponse plain = new CreateResponse(0, 0, CreateAction.OPENED, 1, 2, 3, 4, 0, 0, FileAttributes.DIRECTORY, FID, List.of());
        assertResponse(plain, 0, plain::encode);
        assertThat(plain.isDirectory()).isTrue();
    }

    @Test
    void closeAndFlush() {
        assertRequest(new CloseRequest(CloseRequest.POSTQUERY_ATTRIB, FID));
        assertRequest(new FlushRequest(FID));
        CloseResponse r = new CloseResponse(1, 11, 12, 13, 14, 4096, 17, FileAttributes.ARCHIVE);
        assertResponse(r, 0, r::encode);
    }

    @Test
    void readAndWrite() {
        assertRequest(ReadRequest.of(FID, 1L << 40, 1 << 20));
        assertRequest(new ReadRequest(0x50, ReadRequest.UNBUFFERED, -1, -1L, FID, 17, 0, 5));
        assertThat(ReadRequest.of(FID, 0, 8 << 20).creditPayloadSize()).isEqualTo(8 << 20);
        ByteBuf data = Unpooled.wrappedBuffer("hello, world".getBytes(StandardCharsets.US_ASCII));
        try {
            ReadResponse r = new ReadResponse(data, 3, 0);
            assertResponse(r, 0, r::encode);
            assertResponse(r, NtStatus.STATUS_BUFFER_OVERFLOW, r::encode);
            ReadResponse empty = new ReadResponse(Unpooled.EMPTY_BUFFER, 0, 0);
            assertResponse(empty, 0, empty::encode);
            WriteRequest w = WriteRequest.of(FID, 77, data);
            assertThat(w.creditPayloadSize()).isEqualTo(12);
            assertRequest(w);
            assertRequest(new WriteRequest(5, FID, Unpooled.EMPTY_BUFFER, 0, 1, WriteRequest.WRITE_THROUGH));
            assertThat(data.readerIndex()).isZero();
        } finally {
            data.release();
        }
        WriteResponse wr = new WriteResponse(12, 0);
        assertResponse(wr, 0, wr::encode);
    }

    @Test
    void queryDirectoryQueryInfoSetInfoChangeNotify() {
        assertRequest(new QueryDirectoryRequest(37, QueryDirectoryRequest.RESTART_SCANS, 0, FID, "*", 65536));
        assertRequest(new QueryDirectoryRequest(3, QueryDirectoryRequest.REOPEN | QueryDirectoryRequest.INDEX_SPECIFIED, 9, FID, NAME, 1));
        assertRequest(new QueryDirectoryRequest(3, 0, 0, FID, "", 1));
        assertRequest(QueryInfoRequest.of(InfoType.FILE, 18, 4096, 0, FID));
        assertRequest(new QueryInfoRequest(InfoType.QUOTA, 32, 4096, 0, 1, FID, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertRequest(new SetInfoRequest(InfoType.FILE, 4, 0, FID, new byte[40]));
        assertRequest(new SetInfoRequest(InfoType.SECURITY, 0, 4, FID, new byte[0]));
        assertRequest(new ChangeNotifyRequest(ChangeNotifyRequest.WATCH_TREE, 4096, FID,
                ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME | ChangeNotifyRequest.FILE_NOTIFY_CHANGE_LAST_WRITE));
        ByteBuf out = Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7});
        try {
            QueryDirectoryResponse qd = new QueryDirectoryResponse(out);
            assertResponse(qd, 0, qd::encode);
            QueryInfoResponse qi = new QueryInfoResponse(out);
            assertResponse(qi, 0, qi::encode);
            assertResponse(qi, NtStatus.STATUS_BUFFER_OVERFLOW, qi::encode);
            ChangeNotifyResponse cn = new ChangeNotifyResponse(out);
            assertResponse(cn, 0, cn::encode);
            ChangeNotifyResponse enumDir = new ChangeNotifyResponse(Unpooled.EMPTY_BUFFER);
            assertResponse(enumDir, NtStatus.STATUS_NOTIFY_ENUM_DIR, enumDir::encode);
        } finally {
            out.release();
        }
    }

    @Test
    void lockIoctlOplockBreak() {
        assertRequest(new LockRequest(0x10000001, FID, List.of(new LockElement(0, 100, LockElement.EXCLUSIVE_LOCK | LockElement.FAIL_IMMEDIATELY),
                new LockElement(200, 1, LockElement.SHARED_LOCK), new LockElement(0, 100, LockElement.UNLOCK))));
        assertRequest(IoctlRequest.fsctl(Fsctl.FSCTL_VALIDATE_NEGOTIATE_INFO, FileId.RELATED, new byte[24], 24));
        assertRequest(new IoctlRequest(Fsctl.FSCTL_PIPE_TRANSCEIVE, FID, new byte[0], 0, 4280, IoctlRequest.IS_FSCTL));
        ByteBuf output = Unpooled.wrappedBuffer(new byte[] {9, 9, 9});
        try {
            IoctlResponse r = new IoctlResponse(Fsctl.FSCTL_PIPE_TRANSCEIVE, FID, new byte[] {1}, output, 0);
            assertResponse(r, 0, r::encode);
            assertResponse(r, NtStatus.STATUS_BUFFER_OVERFLOW, r::encode);
            IoctlResponse none = new IoctlResponse(Fsctl.FSCTL_SET_SPARSE, FID, new byte[0], Unpooled.EMPTY_BUFFER, 0);
            assertResponse(none, 0, none::encode);
        } finally {
            output.release();
        }
        assertRequest(new OplockBreakAcknowledgment(OplockLevel.II, FID));
        assertRequest(new LeaseBreakAcknowledgment(0, GUID, LeaseState.READ_CACHING, 0));
        OplockBreakNotification n = new OplockBreakNotification(OplockLevel.NONE, FID);
        assertResponse(n, 0, n::encode);
        LeaseBreakNotification ln = new LeaseBreakNotification(2, LeaseBreakNotification.ACK_REQUIRED, GUID, 7, 1, 0, 0, 0);
        assertResponse(ln, 0, ln::encode);
        LeaseBreakResponse lr = new LeaseBreakResponse(0, GUID, 1, 0);
        assertResponse(lr, 0, lr::encode);
    }

    @Test
    void errorResponses() {
        ErrorResponse plain = ErrorResponse.of(Command.CREATE, NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
        assertResponse(plain, NtStatus.STATUS_OBJECT_NAME_NOT_FOUND, plain::encode);
        ErrorResponse pending = ErrorResponse.of(Command.READ, NtStatus.STATUS_PENDING);
        assertResponse(pending, NtStatus.STATUS_PENDING, pending::encode);
        assertThat(pending.isPending()).isTrue();
        ErrorResponse tooSmall = new ErrorResponse(Command.QUERY_INFO, NtStatus.STATUS_BUFFER_TOO_SMALL, 0, new byte[] {0x10, 0x02, 0, 0});
        assertResponse(tooSmall, NtStatus.STATUS_BUFFER_TOO_SMALL, tooSmall::encode);
        assertThat(tooSmall.requiredBufferLength()).hasValue(0x210);
        SymbolicLinkError link = new SymbolicLinkError(10, "\\??\\C:\\target\uD83D\uDE00", "C:\\target\uD83D\uDE00",
                SymbolicLinkError.SYMLINK_FLAG_RELATIVE);
        ErrorResponse symlink = new ErrorResponse(Command.CREATE, NtStatus.STATUS_STOPPED_ON_SYMLINK, 0, link.toBytes());
        assertResponse(symlink, NtStatus.STATUS_STOPPED_ON_SYMLINK, symlink::encode);
        assertThat(symlink.symbolicLink()).contains(link);
        byte[] contexts = ErrorContext.toErrorData(List.of(new ErrorContext(ErrorContext.DEFAULT, link.toBytes()),
                new ErrorContext(ErrorContext.SHARE_REDIRECT, new byte[] {1, 2, 3})));
        ErrorResponse withContexts = new ErrorResponse(Command.CREATE, NtStatus.STATUS_STOPPED_ON_SYMLINK, 2, contexts);
        assertResponse(withContexts, NtStatus.STATUS_STOPPED_ON_SYMLINK, withContexts::encode);
        assertThat(withContexts.contexts()).hasSize(2);
        assertThat(withContexts.symbolicLink()).contains(link);
    }
}
