package dev.smbco.protocol.rpc;

/** C706 12.6.4 / MS-RPCE 2.2.2: the connection-oriented PDU types (PTYPE) this client sends or accepts. */
public final class PduType {
    public static final int REQUEST = 0;
    public static final int RESPONSE = 2;
    public static final int FAULT = 3;
    public static final int BIND = 11;
    public static final int BIND_ACK = 12;
    public static final int BIND_NAK = 13;
    public static final int ALTER_CONTEXT = 14;
    public static final int ALTER_CONTEXT_RESP = 15;

    private PduType() {
    }

    /** The C706 name of a PTYPE, e.g. {@code bind_ack}, for messages. */
    public static String name(int type) {
        return switch (type) {
            case REQUEST -> "request";
            case RESPONSE -> "response";
            case FAULT -> "fault";
            case BIND -> "bind";
            case BIND_ACK -> "bind_ack";
            case BIND_NAK -> "bind_nak";
            case ALTER_CONTEXT -> "alter_context";
            case ALTER_CONTEXT_RESP -> "alter_context_resp";
            default -> "PTYPE " + type;
        };
    }
}
