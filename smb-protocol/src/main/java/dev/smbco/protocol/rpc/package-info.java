/**
 * DCE/RPC over SMB2 named pipes: the connection-oriented PDUs of C706 chapter 12 as profiled by
 * MS-RPCE 2.2.2 (bind, bind_ack, bind_nak, request, response, fault), fragment reassembly, a
 * minimal NDR 2.0 reader and writer (C706 chapter 14, little-endian only), and the srvsvc calls
 * the client makes (MS-SRVS NetrShareEnum).
 *
 * <p>Pure codecs, like the rest of this module: no pipe, no transport. Every decoder fails on bad
 * input with {@link dev.smbco.protocol.SmbDecodeException} only, and every count taken from the
 * wire is checked against the bytes present before it sizes anything.
 */
package dev.smbco.protocol.rpc;
