package dev.smbco.hadoop;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirectoryPages;
import dev.smbco.client.SmbConfig;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * The {@code fs.smb.*} configuration of one host, read once when a {@link SmbFileSystem} is
 * initialised. Every key may be given per host as {@code fs.smb.<host>.<key>}, which wins over
 * {@code fs.smb.<key>}; the password is read through {@link Configuration#getPassword(String)}, so a
 * Hadoop credential provider ({@code hadoop.security.credential.provider.path}) can hold it.
 *
 * @param user      the account, "" for guest
 * @param password  its password (never logged)
 * @param domain    the account's domain, "" for none
 * @param signing   {@code fs.smb.signing}: {@code required} or {@code auto}
 * @param encrypt   {@code fs.smb.encrypt}: {@code required} or {@code auto}
 * @param blockSize {@code fs.smb.block.size}: the split size reported to Spark and MapReduce
 * @param readAhead {@code fs.smb.readahead.depth}: READs kept in flight ahead of a reader
 * @param listPage  {@code fs.smb.list.page.size}: the bytes of one QUERY_DIRECTORY page of a
 *                  {@code listStatusIterator} (the server's and connection's limit, at most 1 MiB, caps it)
 */
record SmbSettings(String user, char[] password, String domain, SmbConfig.Policy signing, SmbConfig.Policy encrypt,
                   long blockSize, int readAhead, int listPage) {
    static final String PREFIX = "fs.smb.";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String DOMAIN = "domain";
    static final String SIGNING = "signing";
    static final String ENCRYPT = "encrypt";
    static final String BLOCK_SIZE = "block.size";
    static final String READ_AHEAD = "readahead.depth";
    static final String LIST_PAGE = "list.page.size";
    static final long DEFAULT_BLOCK_SIZE = 128L * 1024 * 1024;
    static final int DEFAULT_READ_AHEAD = 4;
    static final int DEFAULT_LIST_PAGE = 1024 * 1024;

    /** The settings for {@code host}: per-host keys first, then the global ones. */
    static SmbSettings of(Configuration conf, String host) throws IOException {
        String h = host.toLowerCase(Locale.ROOT);
        char[] password = conf.getPassword(PREFIX + h + "." + PASSWORD);
        if (password == null) {
            password = conf.getPassword(PREFIX + PASSWORD);
        }
        long blockSize = conf.getLongBytes(key(conf, h, BLOCK_SIZE), DEFAULT_BLOCK_SIZE);
        if (blockSize <= 0) {
            throw new IllegalArgumentException(PREFIX + BLOCK_SIZE + " must be positive: " + blockSize);
        }
        long listPage = conf.getLongBytes(key(conf, h, LIST_PAGE), DEFAULT_LIST_PAGE);
        if (listPage < DirectoryPages.MIN_PAGE_BYTES) {
            throw new IllegalArgumentException(PREFIX + LIST_PAGE + " must be at least " + DirectoryPages.MIN_PAGE_BYTES + ": " + listPage);
        }
        return new SmbSettings(
                conf.getTrimmed(key(conf, h, USER), ""),
                password == null ? new char[0] : password,
                conf.getTrimmed(key(conf, h, DOMAIN), ""),
                policy(conf, h, SIGNING),
                policy(conf, h, ENCRYPT),
                blockSize,
                Math.max(1, conf.getInt(key(conf, h, READ_AHEAD), DEFAULT_READ_AHEAD)),
                (int) Math.min(listPage, Integer.MAX_VALUE));
    }

    /** {@code fs.smb.<host>.<name>} when set, else {@code fs.smb.<name>}. */
    private static String key(Configuration conf, String host, String name) {
        String perHost = PREFIX + host + "." + name;
        return conf.get(perHost) != null ? perHost : PREFIX + name;
    }

    private static SmbConfig.Policy policy(Configuration conf, String host, String name) {
        String v = conf.getTrimmed(key(conf, host, name), "auto").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "required", "true" -> SmbConfig.Policy.REQUIRED;
            case "auto", "false", "" -> SmbConfig.Policy.AUTO;
            default -> throw new IllegalArgumentException(PREFIX + name + " must be 'required' or 'auto': " + v);
        };
    }

    Credentials credentials() {
        return user.isEmpty() ? Credentials.guest() : Credentials.ntlm(user, password, domain);
    }

    SmbConfig config() {
        return SmbConfig.builder().signing(signing).encryption(encrypt).build();
    }

    @Override
    public String toString() {
        return "SmbSettings[user=" + user + ", domain=" + domain + ", signing=" + signing + ", encrypt=" + encrypt
                + ", blockSize=" + blockSize + ", readAhead=" + readAhead + ", listPage=" + listPage + "]";
    }
}
