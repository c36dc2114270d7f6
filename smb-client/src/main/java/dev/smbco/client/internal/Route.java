package dev.smbco.client.internal;

import dev.smbco.client.engine.MessageSecurity;

/**
 * How a request travels: the header's SessionId and TreeId, and whether it is signed or
 * encrypted with which session's keys. Sessions and trees each hold one.
 */
public record Route(long sessionId, int treeId, MessageSecurity security, boolean sign, boolean encrypt) {
    /** Before any session: NEGOTIATE and the first SESSION_SETUP legs. */
    public static final Route NONE = new Route(0, 0, null, false, false);

    public Route withTree(int tree, boolean encryptTree) {
        return new Route(sessionId, tree, security, sign, encrypt || (encryptTree && security != null && security.canEncrypt()));
    }
}
