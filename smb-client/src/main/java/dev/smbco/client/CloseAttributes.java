package dev.smbco.client;

import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.CloseResponse;

/** Whether a CLOSE response carries the file's attributes (MS-SMB2 2.2.16). */
final class CloseAttributes {
    private CloseAttributes() {
    }

    /**
     * True when the response says it carries them (SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB in its Flags)
     * and they are filled in: a real file has at least one attribute bit (FILE_ATTRIBUTE_NORMAL at
     * the least, MS-FSCC 2.6) and a last-write time, so a response whose fields are all zero
     * although flagged is taken as "not told", not as an empty file.
     */
    static boolean present(CloseResponse r) {
        if ((r.flags() & CloseRequest.POSTQUERY_ATTRIB) == 0) {
            return false;
        }
        return r.fileAttributes() != 0 || r.lastWriteTime() != 0 || r.endOfFile() != 0 || r.creationTime() != 0;
    }
}
