package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.cli.Io;
import dev.smbco.cli.Main;
import dev.smbco.cli.Terminal;
import dev.smbco.testserver.AdDc;
import dev.smbco.testserver.AdDcExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code smbco --dc DC ls smb://SMBCO.TEST/sysvol/}: the command line resolves a domain name through
 * the DC's domain, DC and SYSVOL referrals (MS-DFSC) to {@code \\dc1.smbco.test\sysvol}, with
 * Kerberos and with NTLM. SMBCO.TEST and SMBCO resolve nowhere on this machine.
 */
@ExtendWith(AdDcExtension.class)
class CliDomainDfsTest {

    private static Cli.Result smbco(AdDc dc, String... args) {
        List<String> all = new ArrayList<>(List.of("--dc", dc.dcName()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(all.toArray(String[]::new), new Io(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SMBCO_PASSWORD", dc.password()), Terminal.NONE));
        return new Cli.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    private static String place(AdDc dc, String text) throws Exception {
        String name = "cli-domain-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        Path file = dc.sysvolDir().resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return name;
    }

    @Test
    void lsAndCatThroughTheDnsDomainNameWithKerberos(AdDc dc) throws Exception {
        String name = place(dc, "through the domain, by Kerberos\n");
        String sysvol = "smb://" + dc.realm() + "/sysvol/";
        Cli.Result ls = smbco(dc, "--kerberos", "--user=" + dc.principal(), "ls", sysvol);
        assertThat(ls.status()).as(ls.toString()).isZero();
        assertThat(ls.out()).contains(dc.realm().toLowerCase(Locale.ROOT) + "/\n");
        Cli.Result cat = smbco(dc, "--kerberos", "--user=" + dc.principal(), "cat", sysvol + dc.realm().toLowerCase(Locale.ROOT) + "/" + name);
        assertThat(cat.status()).as(cat.toString()).isZero();
        assertThat(cat.out()).isEqualTo("through the domain, by Kerberos\n");
    }

    @Test
    void catThroughTheNetbiosDomainNameWithNtlm(AdDc dc) throws Exception {
        String name = place(dc, "through the domain, by NTLM\n");
        Cli.Result cat = smbco(dc, "--user=" + dc.user(), "--domain=" + dc.domain(), "cat",
                "smb://" + dc.domain() + "/sysvol/" + dc.realm().toLowerCase(Locale.ROOT) + "/" + name);
        assertThat(cat.status()).as(cat.toString()).isZero();
        assertThat(cat.out()).isEqualTo("through the domain, by NTLM\n");
    }

    @Test
    void aNameNoDcKnowsIsOneClearLine(AdDc dc) {
        Cli.Result ls = smbco(dc, "--user=" + dc.user(), "--domain=" + dc.domain(), "ls", "smb://OTHER.INVALID/sysvol/");
        assertThat(ls.status()).as(ls.toString()).isNotZero();
        assertThat(ls.err()).contains("OTHER.INVALID").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
