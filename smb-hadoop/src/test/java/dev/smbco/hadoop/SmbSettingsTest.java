package dev.smbco.hadoop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smbco.client.SmbConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.alias.CredentialProvider;
import org.apache.hadoop.security.alias.CredentialProviderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmbSettingsTest {
    @Test
    void perHostKeysWinOverGlobalOnes() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.smb.user", "alice");
        conf.set("fs.smb.password", "global");
        conf.set("fs.smb.domain", "CORP");
        conf.set("fs.smb.nas1.user", "bob");
        conf.set("fs.smb.nas1.password", "bobs");
        conf.set("fs.smb.nas1.encrypt", "required");
        conf.set("fs.smb.block.size", "64m");

        SmbSettings nas1 = SmbSettings.of(conf, "NAS1");
        assertEquals("bob", nas1.user());
        assertArrayEquals("bobs".toCharArray(), nas1.password());
        assertEquals("CORP", nas1.domain());
        assertEquals(SmbConfig.Policy.REQUIRED, nas1.encrypt());
        assertEquals(SmbConfig.Policy.AUTO, nas1.signing());
        assertEquals(64L << 20, nas1.blockSize());

        SmbSettings other = SmbSettings.of(conf, "nas2");
        assertEquals("alice", other.user());
        assertArrayEquals("global".toCharArray(), other.password());
        assertEquals(SmbConfig.Policy.AUTO, other.encrypt());
    }

    @Test
    void passwordComesFromACredentialProvider(@TempDir Path dir) throws IOException {
        Configuration conf = new Configuration(false);
        String store = "jceks://file" + dir.resolve("smb.jceks").toAbsolutePath();
        conf.set(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH, store);
        CredentialProvider provider = CredentialProviderFactory.getProviders(conf).get(0);
        provider.createCredentialEntry("fs.smb.password", "from-the-store".toCharArray());
        provider.flush();
        conf.set("fs.smb.user", "carol");

        SmbSettings s = SmbSettings.of(conf, "nas");
        assertArrayEquals("from-the-store".toCharArray(), s.password());
        assertTrue(Files.exists(dir.resolve("smb.jceks")));
        assertFalse(s.toString().contains("from-the-store"), "the password is never printed");
    }

    @Test
    void noUserMeansGuest() throws IOException {
        SmbSettings s = SmbSettings.of(new Configuration(false), "nas");
        assertTrue(s.credentials().isGuest());
        assertEquals(SmbSettings.DEFAULT_BLOCK_SIZE, s.blockSize());
    }

    @Test
    void badValuesAreRefusedByName() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.smb.signing", "sometimes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmbSettings.of(conf, "nas"));
        assertTrue(e.getMessage().contains("fs.smb.signing"), e.getMessage());
        Configuration zero = new Configuration(false);
        zero.set("fs.smb.block.size", "0");
        assertThrows(IllegalArgumentException.class, () -> SmbSettings.of(zero, "nas"));
        Configuration tiny = new Configuration(false);
        tiny.set("fs.smb.list.page.size", "512");
        e = assertThrows(IllegalArgumentException.class, () -> SmbSettings.of(tiny, "nas"));
        assertTrue(e.getMessage().contains("fs.smb.list.page.size"), e.getMessage());
        Configuration paged = new Configuration(false);
        paged.set("fs.smb.nas.list.page.size", "64k");
        assertEquals(64 * 1024, SmbSettings.of(paged, "nas").listPage());
        assertEquals(SmbSettings.DEFAULT_LIST_PAGE, SmbSettings.of(paged, "other").listPage());
    }
}
