package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MS-SMB2 2.2.1.2 / 3.2.4.1.1: a request sent again after a reconnection carries
 * SMB2_FLAGS_REPLAY_OPERATION and the connection's ChannelSequence on SMB 3.x, alone and in a
 * compound; on SMB 2.x neither exists (the flag bit and the field stay 0); a first sending has no flag.
 */
class ReplayHeaderTest {
    private static Exchange exchange(boolean replay) {
        Exchange x = new Exchange(new TestBody(Command.READ), 9, 3, null, false, false, "READ test", null).replay(replay);
        x.messageId = 7;
        return x;
    }

    private static int flags(ByteBuf out, int at) {
        return out.getIntLE(at + Smb2Header.OFFSET_FLAGS);
    }

    @Test
    void aReplayOnSmb3CarriesTheFlagAndTheChannelSequence() {
        ByteBuf out = MessageEncoder.encode(ByteBufAllocator.DEFAULT, exchange(true), 1, true, Dialect.SMB3_11, 2);
        try {
            assertThat(flags(out, 0) & Smb2Header.FLAG_REPLAY_OPERATION).isNotZero();
            assertThat(out.getUnsignedShortLE(Smb2Header.OFFSET_STATUS)).as("ChannelSequence").isEqualTo(2);
        } finally {
            out.release();
        }
    }

    @Test
    void aFirstSendingHasNoFlag() {
        ByteBuf out = MessageEncoder.encode(ByteBufAllocator.DEFAULT, exchange(false), 1, true, Dialect.SMB3_00, 1);
        try {
            assertThat(flags(out, 0) & Smb2Header.FLAG_REPLAY_OPERATION).isZero();
        } finally {
            out.release();
        }
    }

    @Test
    void smb2HasNeitherTheFlagNorTheChannelSequence() {
        ByteBuf out = MessageEncoder.encode(ByteBufAllocator.DEFAULT, exchange(true), 1, true, Dialect.SMB2_10, 2);
        try {
            assertThat(flags(out, 0) & Smb2Header.FLAG_REPLAY_OPERATION).isZero();
            assertThat(out.getIntLE(Smb2Header.OFFSET_STATUS)).isZero();
        } finally {
            out.release();
        }
    }

    @Test
    void eachReplayedPartOfACompoundCarriesTheFlag() {
        Exchange first = exchange(true);
        Exchange second = exchange(true);
        second.messageId = 8;
        ByteBuf out = ChainEncoder.encode(ByteBufAllocator.DEFAULT, List.of(first, second), 1, true, Dialect.SMB3_02, 1);
        try {
            int next = out.getIntLE(Smb2Header.OFFSET_NEXT_COMMAND);
            assertThat(flags(out, 0) & Smb2Header.FLAG_REPLAY_OPERATION).isNotZero();
            assertThat(flags(out, next) & Smb2Header.FLAG_REPLAY_OPERATION).isNotZero();
            assertThat(flags(out, next) & Smb2Header.FLAG_RELATED_OPERATIONS).isNotZero();
        } finally {
            out.release();
        }
    }
}
