package dev.smbco.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.smb2.CopyChunkRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a server-side copy is cut into COPYCHUNK requests under the server's limits (MS-SMB2 3.3.3). */
class ServerSideCopyPlanTest {

    @Test
    void defaultLimitsGive16MiBRequestsOf1MiBChunks() {
        List<CopyChunkRequest.Chunk> chunks = ServerSideCopy.Limits.DEFAULT.plan(0, 0, 0, 100L * 1024 * 1024);
        assertThat(chunks).hasSize(16).allSatisfy(c -> assertThat(c.length()).isEqualTo(1024 * 1024));
        assertThat(chunks.get(15).sourceOffset()).isEqualTo(15L * 1024 * 1024);
    }

    @Test
    void theLastRequestStopsAtTheEndAndOffsetsCarryOver() {
        List<CopyChunkRequest.Chunk> chunks = ServerSideCopy.Limits.DEFAULT.plan(100, 7, 3L * 1024 * 1024, 3L * 1024 * 1024 + 10);
        assertThat(chunks).containsExactly(new CopyChunkRequest.Chunk(100 + 3L * 1024 * 1024, 7 + 3L * 1024 * 1024, 10));
    }

    @Test
    void limitsAServerAnnouncedAreRespected() {
        // e.g. what a server answers with STATUS_INVALID_PARAMETER: 16 chunks, 64 KiB each, 512 KiB per request
        ServerSideCopy.Limits small = new ServerSideCopy.Limits(16, 64 * 1024, 512 * 1024);
        List<CopyChunkRequest.Chunk> chunks = small.plan(0, 0, 0, 10L * 1024 * 1024);
        assertThat(chunks).hasSize(8).allSatisfy(c -> assertThat(c.length()).isEqualTo(64 * 1024));
        ServerSideCopy.Limits fewChunks = new ServerSideCopy.Limits(2, 1024 * 1024, 16 * 1024 * 1024);
        assertThat(fewChunks.plan(0, 0, 0, 10L * 1024 * 1024)).hasSize(2);
        ServerSideCopy.Limits oddTotal = new ServerSideCopy.Limits(256, 1024 * 1024, 1536 * 1024);
        assertThat(oddTotal.plan(0, 0, 0, 10L * 1024 * 1024)).extracting(CopyChunkRequest.Chunk::length)
                .containsExactly(1024 * 1024, 512 * 1024);
    }
}
