/**
 * The smbco SMB2/SMB3 client: {@link dev.smbco.client.SmbClient} → {@link dev.smbco.client.SmbConnection}
 * → {@link dev.smbco.client.SmbSession} → {@link dev.smbco.client.SmbTree} → {@link dev.smbco.client.SmbFile}.
 *
 * <h2>Send/recv requests</h2>
 * Every operation {@code fooSend(...)} returns at once with a coro {@code Request<R>}; its blocking
 * twin {@code foo(...)} is exactly {@code fooSend(...).await()} (never call it on an event-loop
 * thread). A coroutine ({@code Coroutine.start(client.loop(), co -> ...)}) drives several requests
 * with {@code co.await(...)} and reads like blocking code. All connection state lives on the
 * connection's Netty event loop; every public method may be called from any thread.
 *
 * <h2>Errors</h2>
 * <ul>
 *   <li>{@link dev.smbco.client.SmbStatusException} (and its families {@code SmbNotFoundException},
 *       {@code SmbAccessDeniedException}, {@code SmbAlreadyExistsException}, {@code SmbNotEmptyException},
 *       {@code SmbSharingViolationException}, {@code SmbAuthenticationException}): the server refused one
 *       request; the message reads {@code CREATE \\host\share\x.txt: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)}.</li>
 *   <li>{@link dev.smbco.client.SmbConnectionLostException}: the connection is gone; every pending, queued
 *       and later request on it fails so, exactly once; {@code wasSent()} tells "outcome unknown" from "never sent".</li>
 *   <li>{@link dev.smbco.client.SmbTimeoutException}: no response by the deadline (TIMED_OUT; SMB2 CANCEL sent
 *       where the server had gone async).</li>
 *   <li>{@link dev.smbco.client.SmbProtocolException}: malformed or badly signed response, or not an SMB server;
 *       the connection is torn down.</li>
 *   <li>{@link dev.smbco.client.SmbConnectException}: no TCP connection (unknown host, refused, connect timeout).</li>
 *   <li>{@link dev.smbco.client.SmbClosedException}: a request on a session after {@code logoffSend()}, a tree after
 *       {@code disconnectSend()} or a file after {@code closeSend()}; it fails at once, nothing is sent, the
 *       connection stays usable.</li>
 *   <li>{@link IllegalArgumentException}: bad input caught before sending (forbidden path characters, negative offsets).</li>
 * </ul>
 *
 * <h2>Buffers</h2>
 * {@link dev.smbco.client.SmbFile#readSend} completes with a buffer the caller releases.
 * {@link dev.smbco.client.SmbFile#writeSend(long, io.netty.buffer.ByteBuf)} never takes the caller's
 * buffer: it retains slices while it needs them.
 */
package dev.smbco.client;
