package dev.smbco.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialResolverTest {
    private static final SmbUrl PLAIN = SmbUrl.parse("smb://h/s/f");
    private static final Map<String, String> ENV = Map.of("SMBCO_USER", "envuser", "SMBCO_PASSWORD", "envpw", "SMBCO_DOMAIN", "ENVDOM");

    private static CredentialResolver resolver(String user, String pw, String dom, boolean guest, Map<String, String> env) {
        return new CredentialResolver(user, pw, dom, guest, env, Terminal.NONE);
    }

    @Test
    void urlBeatsOptionsBeatEnvironment() {
        Login fromUrl = resolver("optuser", "optpw", "OPTDOM", true, ENV).resolve(SmbUrl.parse("smb://URLDOM;urluser:urlpw@h/s"));
        assertThat(fromUrl.user()).isEqualTo("urluser");
        assertThat(fromUrl.password()).containsExactly("urlpw".toCharArray());
        assertThat(fromUrl.domain()).isEqualTo("URLDOM");
        assertThat(fromUrl.guest()).isFalse();
        assertThat(fromUrl.source()).isEqualTo("the URL");

        Login fromOptions = resolver("optuser", "optpw", "OPTDOM", true, ENV).resolve(PLAIN);
        assertThat(fromOptions.user()).isEqualTo("optuser");
        assertThat(fromOptions.password()).containsExactly("optpw".toCharArray());
        assertThat(fromOptions.domain()).isEqualTo("OPTDOM");
        assertThat(fromOptions.source()).isEqualTo("--user");

        Login fromEnv = resolver(null, null, null, true, ENV).resolve(PLAIN);
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(fromEnv.password()).containsExactly("envpw".toCharArray());
        assertThat(fromEnv.domain()).isEqualTo("ENVDOM");
        assertThat(fromEnv.source()).isEqualTo("SMBCO_USER");
    }

    @Test
    void eachFieldComesFromTheFirstSourceThatHasIt() {
        Login login = resolver(null, "optpw", null, false, ENV).resolve(SmbUrl.parse("smb://urluser@h/s"));
        assertThat(login.user()).isEqualTo("urluser");
        assertThat(login.password()).containsExactly("optpw".toCharArray());
        assertThat(login.domain()).isEqualTo("ENVDOM");
    }

    @Test
    void guestOnlyWhenNoUserAnywhere() {
        Login guest = resolver(null, null, null, true, Map.of()).resolve(PLAIN);
        assertThat(guest.guest()).isTrue();
        assertThat(guest.user()).isNull();
        assertThat(resolver(null, null, null, true, ENV).resolve(PLAIN).guest()).isFalse();
    }

    @Test
    void emptyPasswordIsAPassword() {
        Login login = resolver(null, null, null, false, Map.of()).resolve(SmbUrl.parse("smb://u:@h/s"));
        assertThat(login.password()).isEmpty();
    }

    @Test
    void nothingAndNoTerminalIsExit3NamingTheSources() {
        assertThatThrownBy(() -> resolver(null, null, null, false, Map.of()).resolve(PLAIN))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.CONNECTION))
                .hasMessageContaining("no credentials for smb://h/s/f")
                .hasMessageContaining("URL").hasMessageContaining("--user").hasMessageContaining("SMBCO_USER")
                .hasMessageContaining("SMBCO_PASSWORD").hasMessageContaining("--guest");
        assertThatThrownBy(() -> resolver("bob", null, null, false, Map.of()).resolve(PLAIN))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.CONNECTION))
                .hasMessageContaining("no password for bob");
    }

    @Test
    void promptsForWhatIsMissingOnATerminal() {
        List<String> prompts = new ArrayList<>();
        Terminal tty = new Terminal() {
            @Override public boolean stderrIsTerminal() { return true; }
            @Override public boolean canPrompt() { return true; }
            @Override public String readLine(String prompt) { prompts.add(prompt); return " typed "; }
            @Override public char[] readPassword(String prompt) { prompts.add(prompt); return "pw".toCharArray(); }
        };
        Login login = new CredentialResolver(null, null, null, false, Map.of(), tty).resolve(PLAIN);
        assertThat(login.user()).isEqualTo("typed");
        assertThat(login.password()).containsExactly('p', 'w');
        assertThat(login.source()).isEqualTo("the prompt");
        assertThat(prompts).containsExactly("User for h: ", "Password for typed@h: ");

        prompts.clear();
        Login withUser = new CredentialResolver("bob", null, "D", false, Map.of(), tty).resolve(PLAIN);
        assertThat(withUser.user()).isEqualTo("bob");
        assertThat(prompts).containsExactly("Password for D\\bob@h: ");
    }

    @Test
    void toStringNeverShowsThePassword() {
        Login login = resolver("u", "hunter2", null, false, Map.of()).resolve(PLAIN);
        assertThat(login.toString()).doesNotContain("hunter2").contains("u");
    }
}
