package dev.smbco.protocol.rpc;

import java.util.UUID;

/** MS-SRVS 1.9 / 2.1: the srvsvc interface, reached over the {@code \PIPE\srvsvc} named pipe. */
public final class Srvsvc {
    /** The pipe's name as opened on IPC$ (MS-SRVS 2.1). */
    public static final String PIPE = "srvsvc";
    /** MS-SRVS 1.9: 4B324FC8-1670-01D3-1278-5A47BF6EE188 version 3.0. */
    public static final SyntaxId INTERFACE = new SyntaxId(UUID.fromString("4b324fc8-1670-01d3-1278-5a47bf6ee188"), 3, 0);
    /** MS-SRVS 3.1.4.8 NetrShareEnum (Opnum 15). */
    public static final int OPNUM_NETR_SHARE_ENUM = 15;
    /** MS-ERREF 2.2 ERROR_ACCESS_DENIED, as a NET_API_STATUS. */
    public static final int ERROR_ACCESS_DENIED = 5;
    /** MS-ERREF 2.2 ERROR_MORE_DATA: more entries than fit; continue with the resume handle. */
    public static final int ERROR_MORE_DATA = 234;

    private Srvsvc() {
    }
}
