package dev.smbco.client.engine;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Records what the engine delivers; releases response buffers after noting their size. */
final class RecordingHandler implements ResponseHandler {
    final List<Smb2Header> responses = new ArrayList<>();
    final List<Integer> sizes = new ArrayList<>();
    final List<RuntimeException> failures = new ArrayList<>();
    final List<Long> interims = new ArrayList<>();

    @Override
    public void onResponse(Smb2Header header, ByteBuf message) {
        responses.add(header);
        sizes.add(message.readableBytes());
        message.release();
    }

    @Override
    public void onFailure(RuntimeException error) {
        failures.add(error);
    }

    @Override
    public void onInterim(long asyncId) {
        interims.add(asyncId);
    }

    int outcomes() {
        return responses.size() + failures.size();
    }
}
