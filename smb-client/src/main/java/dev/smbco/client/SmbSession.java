package dev.smbco.client;

import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.Undo;
import dev.smbco.client.rpc.internal.ShareEnum;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.coro.Requests;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.smb2.LogoffRequest;
import dev.smbco.protocol.smb2.ShareFlags;
import dev.smbco.protocol.smb2.TreeConnectRequest;
import dev.smbco.protocol.smb2.TreeConnectResponse;
import dev.smbco.protocol.smb2.TreeDisconnectRequest;
import dev.smbco.protocol.rpc.Srvsvc;
import dev.smbco.protocol.status.NtStatus;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authenticated session on a connection (MS-SMB2 3.2.1.3). Its requests are signed and/or
 * encrypted as negotiated. Trees (shares) are connected with {@link #treeConnectSend(String)}.
 *
 * <p>From the moment {@link #logoffSend()} is called, the session and its trees and files are
 * closed: every later request on them fails at once with {@link SmbClosedException}, without
 * sending anything, and the connection stays usable for other sessions.
 */
public final class SmbSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmbSession.class);

    private final SmbConnection connection;
    /** Replaced when a reconnection authenticates the session again ({@link #rebind}). */
    private volatile Route route;
    private final Credentials credentials;
    private final boolean guest;
    private final boolean anonymous;
    private Request<Void> reauth;
    private volatile boolean loggedOff;

    SmbSession(SmbConnection connection, Route route, Credentials credentials, boolean guest, boolean anonymous) {
        this.connection = connection;
        this.route = route;
        this.credentials = credentials;
        this.guest = guest;
        this.anonymous = anonymous;
        connection.opens().add(this);
    }

    /** Internal: a reconnection set the session up again on a new connection; its requests travel along {@code r} now. */
    void rebind(Route r) {
        route = r;
    }

    /** Internal: the credentials a reconnection authenticates with again. */
    Credentials credentials() {
        return credentials;
    }

    /**
     * MS-SMB2 3.2.4.2.4 TREE_CONNECT to {@code \\host\share}. Fails with {@link SmbNotFoundException}
     * (STATUS_BAD_NETWORK_NAME) for an unknown share.
     *
     * @param share the share name alone, e.g. {@code data} (not {@code \\host\data})
     * @return a request for the connected tree, which the caller disconnects
     */
    public Request<SmbTree> treeConnectSend(String share) {
        Objects.requireNonNull(share, "share");
        if (share.isEmpty() || share.contains("\\") || share.contains("/")) {
            throw new IllegalArgumentException("share name '" + share + "' must be a plain name such as 'public'");
        }
        String unc = "\\\\" + connection.host() + "\\" + share;
        Request<SmbTree> refused = refuseIfLoggedOff("TREE_CONNECT " + unc);
        if (refused != null) {
            return refused;
        }
        // MS-SMB2 3.2.4.1.1: on 3.1.1 a TREE_CONNECT of an authenticated session is always signed
        Route connectRoute = connection.negotiated().dialect() == Dialect.SMB3_11 && route.security() != null && !route.sign()
                ? new Route(route.sessionId(), 0, route.security(), true, route.encrypt()) : route;
        Request<SmbTree> connect = connection.sender().send(TreeConnectRequest.of(unc), connectRoute, "TREE_CONNECT " + unc, unc,
                connection.config().requestTimeout(), null, (header, body) -> {
                    TreeConnectResponse r = TreeConnectResponse.decode(body);
                    boolean encrypt = (r.shareFlags() & ShareFlags.ENCRYPT_DATA) != 0;
                    if (encrypt && (route.security() == null || !route.security().canEncrypt())) {
                        // MS-SMB2 3.2.5.5: a share that needs encryption on a session that cannot encrypt is access denied
                        throw new SmbAccessDeniedException(0xC0000022, header.command(), unc, "TREE_CONNECT " + unc + ": "
                                + NtStatus.describe(0xC0000022) + ": the share requires encryption, which this session cannot do (guest, anonymous or SMB 2.x)");
                    }
                    log.debug("tree {} connected (tid {}{})", unc, header.treeId(), encrypt ? ", encrypted" : "");
                    return new SmbTree(this, route.withTree(header.treeId(), encrypt), unc, r);
                }, null, (header, body) -> disconnectUnclaimed(unc, header.treeId(), TreeConnectResponse.decode(body)));
        if (!NegotiateValidation.needed(connection, route)) {
            return logFailure(unc, connect);
        }
        return logFailure(unc, Coroutine.start(connection.loop(), co -> {
            SmbTree tree = co.await(connect);
            try {
                co.await(NegotiateValidation.send(connection, tree.route(), unc));
            } catch (SmbStatusException e) {
                // MS-SMB2 3.2.5.14.5: any failure of the validation terminates the connection
                throw NegotiateValidation.refuse(connection, "VALIDATE_NEGOTIATE_INFO " + unc + ": the server refused it ("
                        + e.getMessage() + "); NEGOTIATE may have been tampered with");
            }
            return tree;
        }));
    }

    /**
     * The undo of a TREE_CONNECT that succeeded after its request ended: TREE_DISCONNECT the tree
     * id the server gave (MS-SMB2 3.2.4.23), along the route the tree would have had.
     */
    private void disconnectUnclaimed(String unc, int treeId, TreeConnectResponse r) {
        if (loggedOff) {
            return; // LOGOFF dropped the tree with the session
        }
        boolean encrypt = (r.shareFlags() & ShareFlags.ENCRYPT_DATA) != 0;
        Undo.send(connection.sender(), new TreeDisconnectRequest(), route.withTree(treeId, encrypt), "TREE_DISCONNECT (undo) " + unc,
                connection.config().requestTimeout());
    }

    /** Life-cycle at debug: a tree that could not be connected. */
    private static Request<SmbTree> logFailure(String unc, Request<SmbTree> r) {
        return r.onDone(done -> {
            if (done.state() != RequestState.DONE) {
                log.debug("tree connect {} ended {}: {}", unc, done.state(), done.failure() == null ? "" : done.failure().getMessage());
            }
        });
    }

    /**
     * Blocking twin of {@link #treeConnectSend(String)}.
     *
     * @param share the share name alone
     * @return the connected tree, which the caller disconnects
     */
    public SmbTree treeConnect(String share) {
        return treeConnectSend(share).await();
    }

    /**
     * The server's shares, as {@code smbclient -L} lists them: MS-SRVS NetrShareEnum (level 1) over
     * the {@code srvsvc} named pipe on IPC$ (connected, opened and closed for this call). A server
     * that refuses fails it with {@link SmbAccessDeniedException}, another RPC failure with
     * {@link dev.smbco.client.rpc.SmbRpcException}.
     *
     * @return a request for the shares, in the server's order, IPC$ and other special ones included
     */
    public Request<List<ShareInfo>> listSharesSend() {
        Request<List<ShareInfo>> refused = refuseIfLoggedOff("NetrShareEnum \\\\" + connection.host());
        if (refused != null) {
            return refused;
        }
        return ShareEnum.listSend(connection.loop(), connection.host(), () -> NamedPipe.openSend(this, Srvsvc.PIPE));
    }

    /**
     * Blocking twin of {@link #listSharesSend()}.
     *
     * @return the shares, in the server's order
     */
    public List<ShareInfo> listShares() {
        return listSharesSend().await();
    }

    /**
     * MS-SMB2 3.2.4.5 LOGOFF. The session, its trees and its files are unusable from the moment this
     * is called (later requests fail with {@link SmbClosedException}); the session's keys are dropped
     * from the engine when the server has answered.
     *
     * @return a request that ends when the server has answered
     */
    public Request<Void> logoffSend() {
        String what = "LOGOFF \\\\" + connection.host();
        Request<Void> refused = refuseIfLoggedOff(what);
        if (refused != null) {
            return refused;
        }
        loggedOff = true;
        connection.opens().remove(this);
        long sid = route.sessionId();
        connection.unregister(sid); // no re-authentication for a session that is going away
        log.debug("{}: logging off session 0x{}", connection.host(), Long.toHexString(sid));
        Request<Void> logoff = connection.sender().send(new LogoffRequest(), route, what, "\\\\" + connection.host(),
                connection.config().requestTimeout(), null, (header, body) -> {
                    log.debug("{}: session 0x{} logged off", connection.host(), Long.toHexString(sid));
                    return null;
                });
        // however it ends (a refusal, a timeout, a lost connection) the session is gone for us: its keys go too
        try {
            return logoff.onDone(done -> connection.sender().engine().unregisterSession(sid));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return logoff; // the client is closed: the engine and its keys are gone with it
        }
    }

    /**
     * Re-authenticates this session with the credentials it was set up with (MS-SMB2 3.2.4.2.3),
     * keeping its keys, trees and open files. Done automatically, and the request retried once, when
     * the server answers STATUS_NETWORK_SESSION_EXPIRED; concurrent callers share one exchange.
     *
     * @return a request that ends when the new SESSION_SETUP exchange has succeeded
     */
    public Request<Void> reauthenticateSend() {
        Request<Void> refused = refuseIfLoggedOff("SESSION_SETUP (re-authentication) \\\\" + connection.host());
        if (refused != null) {
            return refused;
        }
        synchronized (this) {
            Request<Void> r = reauth;
            if (r == null || r.isDone()) {
                r = SessionSetup.reauthenticate(connection, this, credentials);
                reauth = r;
            }
            return r;
        }
    }

    /** Blocking twin of {@link #reauthenticateSend()}. */
    public void reauthenticate() {
        reauthenticateSend().await();
    }

    /** Internal: how this session's requests travel. */
    Route route() {
        return route;
    }

    /** Blocking twin of {@link #logoffSend()}. */
    public void logoff() {
        logoffSend().await();
    }

    /** Logs off unless already logged off; errors (the connection may already be gone) are ignored. */
    @Override
    public void close() {
        if (!loggedOff && connection.transportUp()) {
            try {
                logoff();
            } catch (SmbException e) {
                log.debug("{}: logoff of session 0x{} failed: {}", connection.host(), Long.toHexString(route.sessionId()), e.getMessage());
            }
        }
    }

    /**
     * Whether requests may still be made on this session.
     *
     * @return false once {@link #logoffSend()} was called or the connection is gone
     */
    public boolean isOpen() {
        return !loggedOff && connection.transportUp();
    }

    /**
     * Whether {@link #logoffSend()} was called on this session.
     *
     * @return true from the call on, whatever the server answered
     */
    public boolean isLoggedOff() {
        return loggedOff;
    }

    /**
     * Internal: a request already failed with {@link SmbClosedException} when this session is logged
     * off, else null. {@code what} names the request ({@code CREATE \\host\share\a.txt}).
     */
    <T> Request<T> refuseIfLoggedOff(String what) {
        if (!loggedOff) {
            return null;
        }
        return Requests.failed(connection.loop(), new SmbClosedException(what + ": session 0x" + Long.toHexString(route.sessionId())
                + " on " + connection.host() + " is logged off"));
    }

    /**
     * The connection this session was set up on.
     *
     * @return the connection
     */
    public SmbConnection connection() {
        return connection;
    }

    /**
     * The server's id for this session (SessionId, MS-SMB2 2.2.1.2).
     *
     * @return the 64-bit session id the SESSION_SETUP response assigned
     */
    public long sessionId() {
        return route.sessionId();
    }

    /**
     * Whether the server logged this session on as guest (SMB2_SESSION_FLAG_IS_GUEST, MS-SMB2 2.2.6).
     *
     * @return true for a guest session
     */
    public boolean isGuest() {
        return guest;
    }

    /**
     * Whether this is an anonymous (null) session (SMB2_SESSION_FLAG_IS_NULL, MS-SMB2 2.2.6).
     *
     * @return true for an anonymous session
     */
    public boolean isAnonymous() {
        return anonymous;
    }

    /**
     * Whether this session's requests are signed (MS-SMB2 3.2.4.1.1).
     *
     * @return true when the session's requests carry a signature
     */
    public boolean isSigned() {
        return route.sign();
    }

    /**
     * Whether this session's requests are encrypted (SMB 3.x, MS-SMB2 3.2.4.1.8).
     *
     * @return true when every message of the session is sent as an SMB2 TRANSFORM_HEADER
     */
    public boolean isEncrypted() {
        return route.encrypt();
    }

    @Override
    public String toString() {
        return "SmbSession[" + credentials + " on " + connection.host() + " sid=0x" + Long.toHexString(route.sessionId())
                + (loggedOff ? " logged off" : "") + "]";
    }
}
