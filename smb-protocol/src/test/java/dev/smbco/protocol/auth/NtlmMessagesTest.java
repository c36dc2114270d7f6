package dev.smbco.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Round trips of the three NTLM messages with varied contents, and typed decode errors. */
class NtlmMessagesTest {
    private final Random random = new Random();

    private byte[] bytes(int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        random.nextBytes(b);
        return b;
    }

    private String name() {
        return random.nextBoolean() ? "" : "n\u00e4me-" + random.nextInt(1000);
    }

    @RepeatedTest(50)
    void messagesRoundTrip() {
        NtlmVersion version = random.nextBoolean() ? null : new NtlmVersion(random.nextInt(256), random.nextInt(256), random.nextInt(65536), 15);
        NtlmNegotiate n = new NtlmNegotiate(NtlmFlags.CLIENT_DEFAULT | (version == null ? 0 : NtlmFlags.NEGOTIATE_VERSION) & (version == null ? ~NtlmFlags.NEGOTIATE_VERSION : -1),
                random.nextBoolean() ? "" : "DOM", random.nextBoolean() ? "" : "WS", version);
        if (version == null) {
            n = new NtlmNegotiate(n.flags() & ~NtlmFlags.NEGOTIATE_VERSION, n.domain(), n.workstation(), null);
        }
        assertThat(NtlmNegotiate.decode(n.encode())).isEqualTo(n);

        TargetInfo info = random.nextBoolean() ? null : new TargetInfo(List.of(AvPair.ofString(AvPair.MSV_AV_DNS_COMPUTER_NAME, name()),
                new AvPair(AvPair.MSV_AV_TIMESTAMP, bytes(8)), new AvPair(77, bytes(40))));
        byte[] challenge = new byte[8];
        random.nextBytes(challenge);
        NtlmChallenge c = new NtlmChallenge(random.nextInt() | NtlmFlags.NEGOTIATE_UNICODE, name(), challenge, info, version == null ? new NtlmVersion(1, 2, 3, 4) : version);
        assertThat(NtlmChallenge.decode(c.encode())).isEqualTo(c);

        byte[] mic = null;
        if (random.nextBoolean()) {
            mic = new byte[16];
            random.nextBytes(mic);
        }
        NtlmAuthenticate a = new NtlmAuthenticate(random.nextInt() | NtlmFlags.NEGOTIATE_UNICODE, bytes(24), bytes(300), name(), name(), name(), bytes(16),
                new NtlmVersion(6, 3, 9600, 15), mic);
        NtlmAuthenticate back = NtlmAuthenticate.decode(a.encode());
        assertThat(back).isEqualTo(a);
        assertThat(back.encode()).isEqualTo(a.encode());
    }

    @Test
    void truncatedOrForeignMessagesAreDecodeErrors() {
        byte[] negotiate = new NtlmNegotiate(NtlmFlags.CLIENT_DEFAULT, "", "", NtlmVersion.DEFAULT).encode();
        assertThatThrownBy(() -> NtlmChallenge.decode(negotiate)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("MessageType");
        assertThatThrownBy(() -> NtlmNegotiate.decode(java.util.Arrays.copyOf(negotiate, 20))).isInstanceOf(SmbDecodeException.class);
        byte[] wrongSignature = negotiate.clone();
        wrongSignature[0] = 'X';
        assertThatThrownBy(() -> NtlmNegotiate.decode(wrongSignature)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("Signature");
        NtlmAuthenticate a = new NtlmAuthenticate(NtlmFlags.NEGOTIATE_UNICODE, new byte[24], new byte[50], "D", "U", "W", new byte[16], null, null);
        byte[] bytes = a.encode();
        byte[] pastEnd = bytes.clone();
        pastEnd[24] = (byte) 0xF0; // NtChallengeResponse offset far beyond the message
        assertThatThrownBy(() -> NtlmAuthenticate.decode(pastEnd)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("NtChallengeResponseFields");
        byte[] oddUser = bytes.clone();
        oddUser[36] = 1; // UserName length 1: not UTF-16
        assertThatThrownBy(() -> NtlmAuthenticate.decode(oddUser)).isInstanceOf(SmbDecodeException.class);
    }
}
