package dev.smbco.protocol.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Client-side NTLM settings that are not credentials.
 *
 * @param negotiateFlags  NegotiateFlags of NEGOTIATE_MESSAGE (default {@link NtlmFlags#CLIENT_DEFAULT}); the
 *                        AUTHENTICATE_MESSAGE flags are the server's offer masked by these (plus TargetInfo)
 * @param workstation     Workstation name sent in AUTHENTICATE_MESSAGE ("" to send none)
 * @param version         Version sent when NTLMSSP_NEGOTIATE_VERSION is negotiated
 * @param targetName      MsvAvTargetName, the server's SPN such as {@code "cifs/fileserver"}; null to send none
 * @param channelBindings MsvAvChannelBindings (16-byte MD5 of the channel bindings); null sends 16 zero bytes (none)
 * @param singleHost      MsvAvSingleHost value (MS-NLMP 2.2.2.2, 48 bytes); null to send none
 * @param blobTrailer     zero bytes after the AV pairs in the NTLMv2 client challenge: MS-NLMP's Z(4);
 *                        Windows clients send 8. Only for reproducing captured exchanges.
 * @param clock           time source for the client challenge timestamp when the server sends no MsvAvTimestamp
 * @param random          source of the client challenge (8 bytes) and then the exported session key (16 bytes)
 */
public record NtlmConfig(int negotiateFlags, String workstation, NtlmVersion version, String targetName, byte[] channelBindings,
                         byte[] singleHost, int blobTrailer, Clock clock, RandomGenerator random) {

    public NtlmConfig {
        workstation = workstation == null ? "" : workstation;
        version = version == null ? NtlmVersion.DEFAULT : version;
        if (channelBindings != null && channelBindings.length != 16) {
            throw new IllegalArgumentException("MsvAvChannelBindings is a 16-byte hash");
        }
        channelBindings = channelBindings == null ? null : channelBindings.clone();
        singleHost = singleHost == null ? null : singleHost.clone();
        if (blobTrailer < 0 || blobTrailer > 64) {
            throw new IllegalArgumentException("blobTrailer out of range");
        }
        clock = clock == null ? Clock.systemUTC() : clock;
        random = random == null ? new SecureRandom() : random;
    }

    /** No workstation, our version, no target name, no channel bindings, system clock, SecureRandom. */
    public static NtlmConfig defaults() {
        return new NtlmConfig(NtlmFlags.CLIENT_DEFAULT, "", NtlmVersion.DEFAULT, null, null, null, 4, null, null);
    }

    /** With MsvAvTargetName, e.g. {@code "cifs/" + host}. */
    public NtlmConfig withTargetName(String spn) {
        return new NtlmConfig(negotiateFlags, workstation, version, spn, channelBindings, singleHost, blobTrailer, clock, random);
    }

    /** With other NEGOTIATE_MESSAGE flags (for interoperability experiments and replaying captures). */
    public NtlmConfig withNegotiateFlags(int flags) {
        return new NtlmConfig(flags, workstation, version, targetName, channelBindings, singleHost, blobTrailer, clock, random);
    }

    public NtlmConfig withWorkstation(String name) {
        return new NtlmConfig(negotiateFlags, name, version, targetName, channelBindings, singleHost, blobTrailer, clock, random);
    }

    public NtlmConfig withVersion(NtlmVersion v) {
        return new NtlmConfig(negotiateFlags, workstation, v, targetName, channelBindings, singleHost, blobTrailer, clock, random);
    }

    public NtlmConfig withChannelBindings(byte[] hash) {
        return new NtlmConfig(negotiateFlags, workstation, version, targetName, hash, singleHost, blobTrailer, clock, random);
    }

    public NtlmConfig withSingleHost(byte[] value) {
        return new NtlmConfig(negotiateFlags, workstation, version, targetName, channelBindings, value, blobTrailer, clock, random);
    }

    public NtlmConfig withBlobTrailer(int zeros) {
        return new NtlmConfig(negotiateFlags, workstation, version, targetName, channelBindings, singleHost, zeros, clock, random);
    }

    public NtlmConfig withClock(Clock c) {
        return new NtlmConfig(negotiateFlags, workstation, version, targetName, channelBindings, singleHost, blobTrailer, c, random);
    }

    public NtlmConfig withRandom(RandomGenerator r) {
        return new NtlmConfig(negotiateFlags, workstation, version, targetName, channelBindings, singleHost, blobTrailer, clock, r);
    }

    /**
     * MsvAvChannelBindings for RFC 5929 / RFC 2744 channel bindings with no addresses:
     * MD5(gss_channel_bindings_struct), the struct being 16 zero bytes (address types and empty
     * addresses), the application data length (4 bytes, little-endian) and the data (for TLS:
     * {@code "tls-server-end-point:" || hash of the server certificate}). SMB over TCP has none.
     */
    public static byte[] channelBindingsHash(byte[] applicationData) {
        byte[] struct = new byte[20 + applicationData.length];
        int n = applicationData.length;
        struct[16] = (byte) n;
        struct[17] = (byte) (n >>> 8);
        struct[18] = (byte) (n >>> 16);
        struct[19] = (byte) (n >>> 24);
        System.arraycopy(applicationData, 0, struct, 20, n);
        return NtlmCrypto.md5(struct);
    }

    @Override
    public byte[] channelBindings() {
        return channelBindings == null ? null : channelBindings.clone();
    }

    @Override
    public byte[] singleHost() {
        return singleHost == null ? null : singleHost.clone();
    }
}
