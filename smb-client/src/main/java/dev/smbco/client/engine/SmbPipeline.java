package dev.smbco.client.engine;

import io.netty.channel.Channel;
import io.netty.handler.codec.LengthFieldPrepender;

/**
 * Assembles the per-connection pipeline: Direct TCP framing (inbound {@link DirectTcpFrameDecoder},
 * outbound a 4-byte length prefix whose top byte is the zero byte of MS-SMB2 2.1) → transform
 * ({@link TransformHandler}: decrypt / encrypt with the session's keys) → the SMB2 message
 * handler ({@link SmbEngine}: credits, pending table, signing, matching, fail-all).
 */
public final class SmbPipeline {
    private SmbPipeline() {
    }

    /** Installs the handlers on a fresh channel and returns its engine. */
    public static SmbEngine install(Channel channel, String peer, int maxFrameSize, int creditTarget, long memoryBudget) {
        TransformHandler transform = new TransformHandler();
        SmbEngine engine = new SmbEngine(channel, peer, creditTarget, memoryBudget, transform);
        channel.pipeline()
                .addLast("direct-tcp-decoder", new DirectTcpFrameDecoder(maxFrameSize))
                .addLast("direct-tcp-prepender", new LengthFieldPrepender(4))
                .addLast("smb-transform", transform)
                .addLast("smb-engine", engine);
        return engine;
    }
}
