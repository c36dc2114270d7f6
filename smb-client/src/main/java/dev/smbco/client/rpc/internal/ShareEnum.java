package dev.smbco.client.rpc.internal;

import dev.smbco.client.rpc.SmbRpcException;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.coro.Co;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.rpc.NetShareEnumRequest;
import dev.smbco.protocol.rpc.NetShareEnumResponse;
import dev.smbco.protocol.rpc.ShareInfo1;
import dev.smbco.protocol.rpc.Srvsvc;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The share list of a server (MS-SRVS 3.1.4.8 NetrShareEnum, level 1), as {@code smbclient -L}
 * gets it: open {@code srvsvc} on IPC$, bind, call, close. Not API: reached through
 * {@link dev.smbco.client.SmbSession#listSharesSend()}.
 */
public final class ShareEnum {
    /** Calls made at most when the server keeps answering ERROR_MORE_DATA. */
    private static final int MAX_ROUNDS = 64;

    private ShareEnum() {
    }

    /**
     * Lists the shares of {@code host}.
     *
     * @param loop the loop the listing's coroutine runs on
     * @param host the server name put into the call (NetrShareEnum's ServerName)
     * @param open opens the srvsvc pipe (connects IPC$ too); the pipe is closed however the call ends
     * @return a request for every share the server reports, in its order
     */
    public static Request<List<ShareInfo>> listSend(Loop loop, String host, Supplier<Request<PipeIo>> open) {
        return Coroutine.start(loop, co -> {
            PipeIo pipe = co.await(open.get());
            RpcBinding rpc = new RpcBinding(pipe);
            try {
                rpc.bind(co, Srvsvc.INTERFACE);
                return enumerate(co, rpc, host, pipe.name());
            } finally {
                rpc.release();
                closeQuietly(co, pipe);
            }
        });
    }

    /** NetrShareEnum until the server has given every entry (one call, unless it answers ERROR_MORE_DATA). */
    private static List<ShareInfo> enumerate(Co co, RpcBinding rpc, String host, String pipeName) {
        List<ShareInfo> shares = new ArrayList<>();
        int resume = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            byte[] stub = encode(new NetShareEnumRequest("\\\\" + host, NetShareEnumRequest.MAX_PREFERRED_LENGTH, resume));
            byte[] out = rpc.call(co, Srvsvc.OPNUM_NETR_SHARE_ENUM, stub);
            NetShareEnumResponse r;
            ByteBuf in = Unpooled.wrappedBuffer(out);
            try {
                r = NetShareEnumResponse.decode(in);
            } catch (SmbDecodeException e) {
                throw new SmbProtocolException(pipeName + ": malformed NetrShareEnum response: " + e.getMessage(), e);
            } finally {
                in.release();
            }
            for (ShareInfo1 s : r.shares()) {
                shares.add(ShareInfo.of(s.netname(), s.type(), s.remark()));
            }
            if (r.status() == 0) {
                return shares;
            }
            if (r.status() == Srvsvc.ERROR_ACCESS_DENIED) {
                int status = NtStatus.STATUS_ACCESS_DENIED;
                throw new SmbAccessDeniedException(status, Command.IOCTL, pipeName, "NetrShareEnum " + pipeName
                        + ": the server refused to list its shares (ERROR_ACCESS_DENIED)");
            }
            if (r.status() != Srvsvc.ERROR_MORE_DATA || r.shares().isEmpty() || r.resumeHandle() < 0) {
                throw new SmbRpcException(r.status(), "NetrShareEnum " + pipeName + ": the server answered error " + r.status());
            }
            resume = (int) r.resumeHandle();
        }
        throw new SmbProtocolException("NetrShareEnum " + pipeName + ": still ERROR_MORE_DATA after " + MAX_ROUNDS + " calls");
    }

    private static void closeQuietly(Co co, PipeIo pipe) {
        Request<Void> close = pipe.closeSend();
        if (co.isCancelled()) {
            return; // the CLOSE is on its way; a cancelled coroutine cannot wait for it
        }
        try {
            co.await(close);
        } catch (SmbException | dev.smbco.coro.RequestException e) {
            // the answer (or the failure) is what matters; a pipe that cannot be closed dies with the tree
        }
    }

    private static byte[] encode(NetShareEnumRequest request) {
        ByteBuf out = Unpooled.buffer();
        try {
            request.encode(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
