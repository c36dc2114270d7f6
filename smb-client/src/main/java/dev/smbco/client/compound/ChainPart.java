package dev.smbco.client.compound;

import dev.smbco.protocol.Smb2Request;
import java.util.function.IntPredicate;

/**
 * One request of a chain.
 *
 * @param body     the request; a related part names the file as {@code FileId.RELATED}
 * @param okStatus statuses besides STATUS_SUCCESS the chain's parser handles itself (null: none),
 *                 e.g. STATUS_END_OF_FILE for a READ of an empty file
 */
public record ChainPart(Smb2Request body, IntPredicate okStatus) {
    boolean accepts(int status) {
        return status == 0 || (okStatus != null && okStatus.test(status));
    }
}
