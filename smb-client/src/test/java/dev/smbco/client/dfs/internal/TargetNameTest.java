package dev.smbco.client.dfs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.Credentials;
import org.junit.jupiter.api.Test;

/**
 * A {@code withTargetName} override names the principal of the server the caller named; the
 * other servers referrals lead to are logged on to as {@code cifs/<their host>}, with one
 * credentials object per override so that the pool still shares their sessions.
 */
class TargetNameTest {
    private static final DfsLocation START = new DfsLocation("fs1.corp.example", 445, "dfs", "link\\a.txt");

    @Test
    void theOverrideGoesToTheNamedServerOnly() {
        Credentials alice = Credentials.kerberos("alice@CORP.EXAMPLE", "pw".toCharArray()).withTargetName("cifs/alias.corp.example");
        assertThat(DfsResolver.credentialsFor("FS1.corp.example", START, alice)).isSameAs(alice);
        Credentials other = DfsResolver.credentialsFor("fs2.corp.example", START, alice);
        assertThat(other.hasTargetName()).isFalse();
        assertThat(other.toString()).doesNotContain("alias");
        assertThat(other.user()).isEqualTo(alice.user());
        assertThat(other.isKerberos()).isTrue();
        // the same object for every other server and every call: one pooled session per server
        assertThat(DfsResolver.credentialsFor("fs3.corp.example", START, alice)).isSameAs(other);
        assertThat(alice.hasTargetName()).isTrue();
    }

    @Test
    void credentialsWithoutAnOverrideAreUsedAsTheyAre() {
        Credentials bob = Credentials.ntlm("bob", "pw");
        assertThat(DfsResolver.credentialsFor("fs2.corp.example", START, bob)).isSameAs(bob);
        Credentials carol = Credentials.kerberos("carol@CORP.EXAMPLE", "pw".toCharArray());
        assertThat(carol.withoutTargetName()).isSameAs(carol);
    }
}
