package dev.smbco.testserver;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * A running Samba server for tests: where it listens, who may log on, what it serves.
 * Every smbco test server has the same shares: {@value #SHARE} (read-write for {@link #user()}),
 * {@value #PUBLIC_SHARE} (guest, read-write), {@value #ENCRYPTED_SHARE} (SMB3 encryption
 * required) and {@value #READ_ONLY_SHARE} (read-only, holds {@value #READ_ONLY_FILE}).
 * An external server ({@code SMBCO_TEST_SERVER}) is expected to be set up the same way.
 */
public interface SambaServer {
    String SHARE = "share";
    String PUBLIC_SHARE = "public";
    String ENCRYPTED_SHARE = "enc";
    String READ_ONLY_SHARE = "ro";
    /** A file in {@value #READ_ONLY_SHARE}, holding {@value #READ_ONLY_FILE_CONTENT}. */
    String READ_ONLY_FILE = "hello.txt";
    String READ_ONLY_FILE_CONTENT = "hello from smbco\n";
    String DEFAULT_USER = "test";
    String DEFAULT_PASSWORD = "test-password";
    String DEFAULT_DOMAIN = "WORKGROUP";

    /** A loopback address for local servers and containers ({@code 127.0.0.1}). */
    String host();

    int port();

    String user();

    /** The test password; test servers only, never a real secret. */
    String password();

    String domain();

    SambaVariant variant();

    SambaBackend backend();

    /** Whether guest logons work (they do on {@value #PUBLIC_SHARE} and {@value #READ_ONLY_SHARE}). */
    default boolean guestAllowed() {
        return true;
    }

    default String share() {
        return SHARE;
    }

    default String publicShare() {
        return PUBLIC_SHARE;
    }

    default String encryptedShare() {
        return ENCRYPTED_SHARE;
    }

    default String readOnlyShare() {
        return READ_ONLY_SHARE;
    }

    default List<String> shares() {
        return List.of(SHARE, PUBLIC_SHARE, ENCRYPTED_SHARE, READ_ONLY_SHARE);
    }

    default InetSocketAddress address() {
        return new InetSocketAddress(host(), port());
    }

    /** One line for logs and assertion messages, e.g. {@code LOCAL smb311-only at 127.0.0.1:40123}. */
    default String describe() {
        return backend() + " " + variant().id() + " at " + host() + ":" + port();
    }
}
