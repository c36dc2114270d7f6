package dev.smbco.protocol.smb2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MS-SMB2 2.2's field rules, per command and dialect, checked on our own encoded frames: every
 * field a dialect reserves ("MUST be set to 0") is 0, and every offset whose length is 0 (it points
 * at nothing) is 0. Each request is built with every optional field set, as a caller might, then
 * sent through {@link Smb2Request#forDialect} as the connection does; the frame's raw bytes are
 * read back by offset (the decoders skip reserved fields, so they cannot be the judge).
 *
 * <p>A regression of the 2.0.2 WRITE that carried WriteChannelInfoOffset 0x70 (a server that adds
 * it to DataOffset writes shifted, truncated data) fails the WRITE rows here.
 */
class DialectFieldRulesTest {
    private static final FileId FID = Samples.FID;

    /** One field of a body: offset from the body start, width in bytes, and in which dialects it must be 0. */
    record Rule(String field, int offset, int width, Predicate<Dialect> mustBeZero) {
        static Rule zero(String field, int offset, int width) {
            return new Rule(field, offset, width, d -> true);
        }

        static Rule zeroIn(String field, int offset, int width, Predicate<Dialect> when) {
            return new Rule(field, offset, width, when);
        }
    }

    /** A field whose defined bits depend on the dialect (flags that later dialects added): no other bit may be set. */
    record MaskRule(String field, int offset, int width, Function<Dialect, Long> mask) {
    }

    /** An offset field that must be 0 when its length field is 0. */
    record OffsetRule(String field, int offset, int width, int lengthOffset, int lengthWidth) {
    }

    /** A command's sample requests (every optional field set) and its rules. */
    record Case(String name, List<Smb2Request> samples, List<Rule> zeros, List<MaskRule> masks, List<OffsetRule> offsets) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Predicate<Dialect> BEFORE_3 = d -> !d.isSmb3();

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // 2.2.5 SESSION_SETUP: Flags (binding) from 3.0; Channel reserved; Capabilities: DFS only
        c.add(new Case("SESSION_SETUP", List.of(new SessionSetupRequest(SessionFlags.BINDING, 1, 0xFF, 7, 0, new byte[] {1, 2})),
                List.of(Rule.zeroIn("Flags", 2, 1, BEFORE_3), Rule.zero("Channel", 8, 4)),
                List.of(new MaskRule("Capabilities", 4, 4, d -> (long) Capabilities.DFS)), List.of()));
        // 2.2.7 / 2.2.10 / 2.2.28 / 2.2.30: Reserved
        for (Smb2Request r : List.<Smb2Request>of(new LogoffRequest(), new TreeDisconnectRequest(), new EchoRequest(), new CancelRequest())) {
            c.add(new Case(r.command().name(), List.of(r), List.of(Rule.zero("Reserved", 2, 2)), List.of(), List.of()));
        }
        // 2.2.9 TREE_CONNECT: Flags exist in 3.1.1 only
        c.add(new Case("TREE_CONNECT", List.of(TreeConnectRequest.of("\\\\s\\share"),
                new TreeConnectRequest(TreeConnectRequest.FLAG_EXTENSION_PRESENT | TreeConnectRequest.FLAG_CLUSTER_RECONNECT,
                        "\\\\s\\share", List.of(new TreeConnectRequest.TreeConnectContext(1, new byte[] {1, 2, 3})))),
                List.of(Rule.zeroIn("Flags", 2, 2, d -> d != Dialect.SMB3_11)), List.of(), List.of()));
        // 2.2.13 CREATE: SecurityFlags, SmbCreateFlags, Reserved; no contexts -> CreateContextsOffset 0
        // (NameOffset is defined unconditionally - Buffer always exists - and stays 0x78 for the share root, as Windows sends it)
        c.add(new Case("CREATE", List.of(
                new CreateRequest(0, 2, 0x80, 0x80, 7, 1, 0x40, "", List.of()),
                new CreateRequest(0xFF, 2, 0x80, 0x80, 7, 1, 0x40, "a\\b.txt", List.of(new CreateContext.MaximalAccessRequest(0)))),
                List.of(Rule.zero("SecurityFlags", 2, 1), Rule.zero("SmbCreateFlags", 8, 8), Rule.zero("Reserved", 16, 8)),
                List.of(), List.of(new OffsetRule("CreateContextsOffset", 48, 4, 52, 4))));
        // 2.2.15 CLOSE, 2.2.17 FLUSH
        c.add(new Case("CLOSE", List.of(new CloseRequest(CloseRequest.POSTQUERY_ATTRIB, FID)), List.of(Rule.zero("Reserved", 4, 4)),
                List.of(), List.of()));
        c.add(new Case("FLUSH", List.of(new FlushRequest(FID)), List.of(Rule.zero("Reserved1", 2, 2), Rule.zero("Reserved2", 4, 4)),
                List.of(), List.of()));
        // 2.2.19 READ: Flags from 3.0.2 (UNBUFFERED) / 3.1.1 (REQUEST_COMPRESSED); Channel from 3.0; no channel info
        c.add(new Case("READ", List.of(new ReadRequest(0x50, ReadRequest.UNBUFFERED | ReadRequest.REQUEST_COMPRESSED, 65536, 0, FID, 0, 0, 0),
                ReadRequest.of(FID, 8, 4096)),
                List.of(Rule.zeroIn("Channel", 36, 4, BEFORE_3), Rule.zero("ReadChannelInfoOffset", 44, 2),
                        Rule.zero("ReadChannelInfoLength", 46, 2)),
                List.of(new MaskRule("Flags", 3, 1, d -> switch (d) {
                    case SMB2_02, SMB2_10, SMB3_00 -> 0L;
                    case SMB3_02 -> (long) ReadRequest.UNBUFFERED;
                    case SMB3_11 -> (long) (ReadRequest.UNBUFFERED | ReadRequest.REQUEST_COMPRESSED);
                })), List.of()));
        // 2.2.21 WRITE: WriteChannelInfoOffset/Length 0 (reserved before 3.0, no channel info after);
        // WRITE_THROUGH not in 2.0.2, WRITE_UNBUFFERED from 3.0.2
        ByteBuf data = Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        c.add(new Case("WRITE", List.of(WriteRequest.of(FID, 0, data),
                new WriteRequest(4, FID, data, 0, 0, WriteRequest.WRITE_THROUGH | WriteRequest.WRITE_UNBUFFERED)),
                List.of(Rule.zeroIn("Channel", 32, 4, BEFORE_3), Rule.zero("WriteChannelInfoOffset", 40, 2),
                        Rule.zero("WriteChannelInfoLength", 42, 2)),
                List.of(new MaskRule("Flags", 44, 4, d -> switch (d) {
                    case SMB2_02 -> 0L;
                    case SMB2_10, SMB3_00 -> (long) WriteRequest.WRITE_THROUGH;
                    case SMB3_02, SMB3_11 -> (long) (WriteRequest.WRITE_THROUGH | WriteRequest.WRITE_UNBUFFERED);
                })), List.of()));
        // 2.2.26 LOCK: LockSequenceNumber/Index reserved in 2.0.2; 2.2.26.1 LOCK_ELEMENT Reserved
        c.add(new Case("LOCK", List.of(new LockRequest(0x12345671, FID, List.of(new LockElement(0, 1, 2)))),
                List.of(Rule.zeroIn("LockSequence", 4, 4, d -> d == Dialect.SMB2_02), Rule.zero("Locks[0].Reserved", 24 + 20, 4)),
                List.of(), List.of()));
        // 2.2.31 IOCTL: Reserved, Reserved2; an empty input or output has offset 0
        c.add(new Case("IOCTL", List.of(IoctlRequest.requestResumeKey(FID),
                IoctlRequest.fsctl(Fsctl.FSCTL_VALIDATE_NEGOTIATE_INFO, FileId.ALL_ONES,
                        new ValidateNegotiateInfoRequest(0x7F, Samples.GUID, 1, List.of(0x300)).toBytes(), 24)),
                List.of(Rule.zero("Reserved", 2, 2), Rule.zero("Reserved2", 52, 4)), List.of(),
                List.of(new OffsetRule("InputOffset", 24, 4, 28, 4), new OffsetRule("OutputOffset", 36, 4, 40, 4))));
        // 2.2.33 QUERY_DIRECTORY: no pattern -> FileNameOffset 0
        c.add(new Case("QUERY_DIRECTORY", List.of(new QueryDirectoryRequest(37, QueryDirectoryRequest.RESTART_SCANS, 0, FID, "*", 65536),
                new QueryDirectoryRequest(37, 0, 0, FID, "", 65536)),
                List.of(), List.of(), List.of(new OffsetRule("FileNameOffset", 24, 2, 26, 2))));
        // 2.2.35 CHANGE_NOTIFY
        c.add(new Case("CHANGE_NOTIFY", List.of(new ChangeNotifyRequest(ChangeNotifyRequest.WATCH_TREE, 4096, FID, 0x17)),
                List.of(Rule.zero("Reserved", 28, 4)), List.of(), List.of()));
        // 2.2.37 QUERY_INFO: Reserved; no input -> InputBufferOffset 0
        c.add(new Case("QUERY_INFO", List.of(new QueryInfoRequest(1, 18, 4096, 0, 0, FID, new byte[0]),
                new QueryInfoRequest(4, 32, 4096, 0, 0, FID, new byte[] {1, 2, 3, 4})),
                List.of(Rule.zero("Reserved", 10, 2)), List.of(), List.of(new OffsetRule("InputBufferOffset", 8, 2, 12, 4))));
        // 2.2.39 SET_INFO: Reserved
        c.add(new Case("SET_INFO", List.of(new SetInfoRequest(1, 4, 0, FID, new byte[40])),
                List.of(Rule.zero("Reserved", 10, 2)), List.of(), List.of()));
        return c;
    }

    static Stream<Arguments> commandsByDialect() {
        return cases().stream().flatMap(c -> Stream.of(Dialect.values()).map(d -> Arguments.of(c, d)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("commandsByDialect")
    void reservedFieldsAreZero(Case c, Dialect dialect) {
        for (Smb2Request sample : c.samples()) {
            Smb2Request sent = sample.forDialect(dialect);
            assertEquals(sample.command(), sent.command());
            ByteBuf frame = Frames.request(sent);
            try {
                // our own frame decodes back to the request as sent
                ByteBuf copy = frame.duplicate();
                Smb2Header header = Smb2Header.decode(copy);
                assertEquals(sent.command(), RequestDecoder.decode(header, copy).command());
                int body = Smb2Header.SIZE;
                for (Rule r : c.zeros()) {
                    if (r.mustBeZero().test(dialect)) {
                        assertEquals(0, field(frame, body + r.offset(), r.width()),
                                () -> c + " " + r.field() + " must be 0 in " + dialect.version() + " (" + sample + ")");
                    }
                }
                for (MaskRule m : c.masks()) {
                    long value = field(frame, body + m.offset(), m.width());
                    long allowed = m.mask().apply(dialect);
                    assertEquals(0, value & ~allowed, () -> String.format("%s %s 0x%X has bits %s does not define (allowed 0x%X)",
                            c, m.field(), value, dialect.version(), allowed));
                }
                for (OffsetRule o : c.offsets()) {
                    if (field(frame, body + o.lengthOffset(), o.lengthWidth()) == 0) {
                        assertEquals(0, field(frame, body + o.offset(), o.width()),
                                () -> c + " " + o.field() + " points at nothing and must be 0 (" + sample + ")");
                    }
                }
            } finally {
                frame.release();
            }
        }
    }

    /** 2.2.21 WRITE: the one that lost data on a 2.0.2 server - DataOffset 0x70, WriteChannelInfoOffset 0. */
    @Test
    void writeOn202KeepsDataAtItsOffsetAndNoChannelInfo() {
        ByteBuf frame = Frames.request(WriteRequest.of(FID, 0, Unpooled.wrappedBuffer(new byte[] {7, 7, 7})).forDialect(Dialect.SMB2_02));
        try {
            assertEquals(0x70, frame.getUnsignedShortLE(Smb2Header.SIZE + 2), "DataOffset");
            assertEquals(0, frame.getUnsignedShortLE(Smb2Header.SIZE + 40), "WriteChannelInfoOffset");
            assertEquals(0, frame.getUnsignedShortLE(Smb2Header.SIZE + 42), "WriteChannelInfoLength");
        } finally {
            frame.release();
        }
    }

    /**
     * 2.2.3 NEGOTIATE, per offered set: Reserved 0; Capabilities 0 unless a 3.x dialect is offered;
     * ClientGuid 0 when 2.0.2 is the only one; without 3.1.1 the context fields are ClientStartTime, 0.
     */
    @Test
    void negotiateFollowsTheOffer() {
        for (Dialect max : Dialect.values()) {
            for (Set<Dialect> offered : List.of(EnumSet.range(Dialect.SMB2_02, max), EnumSet.of(max))) {
                List<NegotiateContext> contexts = offered.contains(Dialect.SMB3_11) ? Samples.negotiateContexts() : List.of();
                ByteBuf frame = Frames.request(NegotiateRequest.of(offered, 1, Capabilities.LARGE_MTU | Capabilities.ENCRYPTION,
                        Samples.GUID, contexts));
                try {
                    int body = Smb2Header.SIZE;
                    String what = "NEGOTIATE offering " + offered;
                    assertEquals(0, field(frame, body + 6, 2), what + ": Reserved");
                    boolean smb3 = offered.stream().anyMatch(Dialect::isSmb3);
                    assertEquals(smb3, field(frame, body + 8, 4) != 0, what + ": Capabilities only with 3.x offered");
                    boolean only202 = offered.equals(EnumSet.of(Dialect.SMB2_02));
                    boolean guidZero = field(frame, body + 12, 8) == 0 && field(frame, body + 20, 8) == 0;
                    assertEquals(only202, guidZero, what + ": ClientGuid is 0 exactly when 2.0.2 is the only dialect");
                    if (!offered.contains(Dialect.SMB3_11)) {
                        assertEquals(0, field(frame, body + 28, 8), what + ": ClientStartTime");
                    } else {
                        assertTrue(field(frame, body + 28, 4) != 0, what + ": NegotiateContextOffset");
                        assertEquals(0, field(frame, body + 34, 2), what + ": Reserved2");
                    }
                } finally {
                    frame.release();
                }
            }
        }
    }

    private static long field(ByteBuf frame, int index, int width) {
        return switch (width) {
            case 1 -> frame.getUnsignedByte(index);
            case 2 -> frame.getUnsignedShortLE(index);
            case 4 -> frame.getUnsignedIntLE(index);
            case 8 -> frame.getLongLE(index);
            default -> throw new IllegalArgumentException("width " + width);
        };
    }
}
