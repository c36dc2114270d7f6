package dev.smbco.client.engine;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * The handler of an exchange whose caller gave up ({@link SmbEngine#abandon}): a late success is
 * undone ({@link Exchange#lateResponse}: CLOSE for an open, LOGOFF for a session, ...), then
 * released; a failure goes nowhere.
 */
record Abandoned(Exchange x) implements ResponseHandler {
    @Override
    public void onResponse(Smb2Header header, ByteBuf message) {
        try {
            x.lateResponse(header, message);
        } finally {
            message.release();
        }
    }

    @Override
    public void onFailure(RuntimeException error) {
    }
}
