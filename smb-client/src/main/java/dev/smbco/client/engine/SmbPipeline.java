package dev.smbco.client.engine;

import io.netty.channel.Channel;
import io.netty.handler.codec.LengthFieldPrepender;

/**
 * Assembles the per-connection pipeline: Direct TCP framing (inbound {@link DirectTcpFrameDecoder},
 * outbound a 4-byte length prefix whose top byte is the zero byte of MS-SMB2 2.1) followed by the
 * {@link SmbEngine}, which applies the per-session transform (decrypt/encrypt) and signing itself
 * because the keys are per session and chosen per message.
 */
public final class SmbPipeline {
    private SmbPipeline() {
    }

    /** Installs the handlers on a fresh channel and returns its engine. */
    public static SmbEngine install(Channel channel, String peer, int maxFrameSize, int creditTarget, long memoryBudget) {
        SmbEngine engine = new SmbEngine(channel, peer, creditTarget, memoryBudget);
        channel.pipeline()
                .addLast("direct-tcp-decoder", new DirectTcpFrameDecoder(maxFrameSize))
                .addLast("direct-tcp-prepender", new LengthFieldPrepender(4))
                .addLast("smb-engine", engine);
        return engine;
    }
}
