package dev.smbco.client;

import dev.smbco.coro.Request;
import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.CloseResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CLOSE that checks what the server holds: it asks for the file's attributes
 * (SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB, MS-SMB2 2.2.15) and fails with {@link
 * SmbSizeMismatchException} when the EndOfFile of the response (2.2.16) is not the size expected.
 * A server that answers without the attributes although asked cannot tell: that is no mismatch.
 */
final class SizeCheckedClose {
    private static final Logger LOG = LoggerFactory.getLogger(SmbFile.class);

    private SizeCheckedClose() {
    }

    /** Sends the CLOSE of {@code file}'s handle; checks the size when {@code expected >= 0}. */
    static Request<Void> send(SmbFile file, long expected) {
        SmbTree tree = file.tree();
        if (expected < 0) {
            return tree.send(new CloseRequest(0, file.fileId()), file.path(), (header, body) -> null);
        }
        return tree.send(new CloseRequest(CloseRequest.POSTQUERY_ATTRIB, file.fileId()), file.path(), (header, body) -> {
            CloseResponse r = CloseResponse.decode(body);
            if (!CloseAttributes.present(r)) {
                LOG.debug("CLOSE {}: no attributes in the response although asked for (flags 0x{}); size not checked",
                        file.unc(), Integer.toHexString(r.flags()));
            } else if (r.endOfFile() != expected) {
                throw new SmbSizeMismatchException(file.unc(), expected, r.endOfFile());
            }
            return null;
        });
    }
}
