package dev.smbco.client.compound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.smb2.CreateRequest;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.ReadRequest;
import dev.smbco.protocol.smb2.WriteRequest;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which chains may be done again after the connection was lost under them. */
class ReadOnlyChainTest {
    private static ChainPart create(int disposition, int options) {
        return new ChainPart(new CreateRequest(0, 2, 0x80, 0, 7, disposition, options, "a.txt", List.of()), null);
    }

    private static final ChainPart CLOSE = new ChainPart(new CloseRequest(0, FileId.RELATED), null);
    private static final ChainPart READ = new ChainPart(ReadRequest.of(FileId.RELATED, 0, 4096), null);

    @Test
    void openReadAndCloseIsReadOnly() {
        assertThat(ReadOnlyChain.is(List.of(create(CreateDisposition.OPEN, 0), CLOSE))).as("stat").isTrue();
        assertThat(ReadOnlyChain.is(List.of(create(CreateDisposition.OPEN, 0), READ, CLOSE))).as("small read").isTrue();
    }

    @Test
    void aCreateThatMayMakeOrReplaceAFileIsNot() {
        for (int d : new int[] {CreateDisposition.SUPERSEDE, CreateDisposition.CREATE, CreateDisposition.OPEN_IF,
                CreateDisposition.OVERWRITE, CreateDisposition.OVERWRITE_IF}) {
            assertThat(ReadOnlyChain.is(List.of(create(d, 0), CLOSE))).as("disposition %d", d).isFalse();
        }
        assertThat(ReadOnlyChain.is(List.of(create(CreateDisposition.OPEN, CreateOptions.DELETE_ON_CLOSE), CLOSE))).as("delete").isFalse();
    }

    @Test
    void aWriteMakesAChainNotReadOnly() {
        WriteRequest write = WriteRequest.of(FileId.RELATED, 0, Unpooled.wrappedBuffer(new byte[] {1}));
        try {
            assertThat(ReadOnlyChain.is(List.of(create(CreateDisposition.OPEN, 0), new ChainPart(write, null), CLOSE))).isFalse();
        } finally {
            write.data().release();
        }
    }
}
