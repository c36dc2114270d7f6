package dev.smbco.client.rpc.internal;

import dev.smbco.coro.Request;

/**
 * An open named pipe as the RPC layer sees it (MS-SMB2 3.2.4.20.4 / 3.2.4.6): write-and-read in
 * one IOCTL, further READs, and close. Implemented by the client package over an SMB2 handle on
 * IPC$; tests substitute a scripted pipe. Not API.
 */
public interface PipeIo {
    /**
     * FSCTL_PIPE_TRANSCEIVE (MS-FSCC 2.3.49): writes {@code data} as one message and reads the
     * pipe's answer, in one IOCTL.
     *
     * @param data one whole RPC PDU (or fragment)
     * @param maxOutput the most answer bytes to take back (the IOCTL's MaxOutputResponse)
     * @return a request for up to {@code maxOutput} bytes of the answer
     */
    Request<Reply> transceiveSend(byte[] data, int maxOutput);

    /**
     * READ of the rest of the pipe's current message, after a reply said {@link Reply#more()}.
     *
     * @param max the most bytes to read
     * @return a request for up to {@code max} bytes
     */
    Request<Reply> readSend(int max);

    /**
     * Closes the pipe (and whatever was opened to reach it).
     *
     * @return a request that never fails for a pipe that is gone already
     */
    Request<Void> closeSend();

    /**
     * A short name for messages.
     *
     * @return e.g. {@code \\host\IPC$\srvsvc}
     */
    String name();

    /**
     * What one TRANSCEIVE or READ returned.
     *
     * @param data the bytes
     * @param more whether the server said STATUS_BUFFER_OVERFLOW: the message goes on, READ the rest
     */
    record Reply(byte[] data, boolean more) {
    }
}
