package dev.smbco.client.rpc.internal;

import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A pipe that answers from a script: each TRANSCEIVE and READ takes the next scripted reply (a
 * chunk of bytes and whether STATUS_BUFFER_OVERFLOW came with it). Records what was written and
 * how often it was read and closed.
 */
final class ScriptedPipe implements PipeIo {
    private final Loop loop;
    private final Deque<Reply> replies = new ArrayDeque<>();
    final List<byte[]> written = new ArrayList<>();
    int reads;
    int closes;

    ScriptedPipe(Loop loop) {
        this.loop = loop;
    }

    /** Scripts {@code pdus} as one stream cut into replies of at most {@code chunk} bytes each; all but the last of a PDU say "more". */
    ScriptedPipe answer(int chunk, byte[]... pdus) {
        for (byte[] pdu : pdus) {
            for (int at = 0; at < pdu.length; at += chunk) {
                int end = Math.min(pdu.length, at + chunk);
                replies.add(new Reply(java.util.Arrays.copyOfRange(pdu, at, end), end < pdu.length));
            }
        }
        return this;
    }

    @Override
    public Request<Reply> transceiveSend(byte[] data, int maxOutput) {
        written.add(data);
        return next();
    }

    @Override
    public Request<Reply> readSend(int max) {
        reads++;
        return next();
    }

    private Request<Reply> next() {
        Reply r = replies.poll();
        if (r == null) {
            return Requests.failed(loop, new IllegalStateException("the script has no more replies"));
        }
        return Requests.completed(loop, r);
    }

    @Override
    public Request<Void> closeSend() {
        closes++;
        return Requests.completed(loop, null);
    }

    @Override
    public String name() {
        return "\\\\test\\IPC$\\srvsvc";
    }
}
