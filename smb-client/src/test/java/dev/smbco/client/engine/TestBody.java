package dev.smbco.client.engine;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/** A minimal request body for engine tests: StructureSize 4 + Reserved, like ECHO. */
record TestBody(Command command, long creditPayloadSize) implements Smb2Request {
    TestBody(Command command) {
        this(command, 0);
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(4);
        out.writeShortLE(0);
    }
}
