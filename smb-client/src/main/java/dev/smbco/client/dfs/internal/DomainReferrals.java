package dev.smbco.client.dfs.internal;

import dev.smbco.client.SmbDfsException;
import dev.smbco.client.SmbDfsException.Step;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.smb2.DfsReferralResponse;
import dev.smbco.protocol.smb2.DfsReferralResponse.Referral;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two name list referrals of MS-DFSC (2.2.5.3.2, entries with NameListReferral set): the
 * <em>domain referral</em> (3.1.4.1 step 1: RequestFileName empty; one entry per domain name the DC
 * knows, NetBIOS and DNS, in SpecialName) and the <em>DC referral</em> (step 5: RequestFileName
 * {@code \domain}; SpecialName the domain, ExpandedNames its domain controllers, the preferred
 * one first). Names are given with or without leading {@code \}; they are kept without. Anything
 * else in such a response is a malformed referral: {@link SmbDfsException} naming the step, the
 * domain and the DC, never a bare decode or index error.
 */
final class DomainReferrals {
    /**
     * One name list entry.
     *
     * @param name       SpecialName without leading separators: a domain
     * @param expanded   ExpandedNames without leading separators: its DCs (empty in a domain referral)
     * @param ttlSeconds TimeToLive, unsigned, capped at {@code Integer.MAX_VALUE}
     */
    record NameList(String name, List<String> expanded, int ttlSeconds) {
        NameList {
            expanded = List.copyOf(expanded);
        }
    }

    private DomainReferrals() {
    }

    /** Decodes a referral response's bytes (an IOCTL's output) for {@code step}; a malformed one is a typed error. */
    static DfsReferralResponse decode(byte[] output, Step step, String domain, String dc) {
        ByteBuf in = Unpooled.wrappedBuffer(output);
        try {
            return DfsReferralResponse.decode(in);
        } catch (SmbDecodeException e) {
            throw new SmbDfsException(what(step, domain, dc) + ": malformed referral: " + e.getMessage(), List.of(), step, domain, e);
        } finally {
            in.release();
        }
    }

    /** The domains a domain referral from {@code dc} names (each with its TTL); at least one. */
    static List<NameList> domains(DfsReferralResponse r, String dc) {
        List<NameList> out = nameLists(r, Step.DOMAIN_REFERRAL, null, dc);
        if (out.isEmpty()) {
            throw new SmbDfsException(what(Step.DOMAIN_REFERRAL, null, dc) + ": the answer names no domain", List.of(),
                    Step.DOMAIN_REFERRAL, null, null);
        }
        return out;
    }

    /** The DCs of {@code domain} a DC referral from {@code dc} names; the entry for the domain, with at least one DC. */
    static NameList dcs(DfsReferralResponse r, String domain, String dc) {
        for (NameList n : nameLists(r, Step.DC_REFERRAL, domain, dc)) {
            if (n.name().equalsIgnoreCase(domain)) {
                if (n.expanded().isEmpty()) {
                    throw new SmbDfsException(what(Step.DC_REFERRAL, domain, dc) + ": the answer names no domain controller",
                            List.of(), Step.DC_REFERRAL, domain, null);
                }
                return n;
            }
        }
        throw new SmbDfsException(what(Step.DC_REFERRAL, domain, dc) + ": the answer is not about domain " + domain, List.of(),
                Step.DC_REFERRAL, domain, null);
    }

    private static List<NameList> nameLists(DfsReferralResponse r, Step step, String domain, String dc) {
        List<NameList> out = new ArrayList<>();
        for (Referral e : r.referrals()) {
            if (e.version() < 3 || (e.flags() & Referral.NAME_LIST_REFERRAL) == 0) {
                throw new SmbDfsException(what(step, domain, dc) + ": a V" + e.version() + " entry without NameListReferral ("
                        + e.networkAddress() + ") where only name lists belong", List.of(), step, domain, null);
            }
            String name = strip(e.dfsPath());
            if (name.isEmpty() || name.indexOf('\\') >= 0) {
                throw new SmbDfsException(what(step, domain, dc) + ": SpecialName '" + e.dfsPath() + "' is not a domain name",
                        List.of(), step, domain, null);
            }
            List<String> names = new ArrayList<>();
            for (String n : e.expandedNames()) {
                String s = strip(n);
                if (s.isEmpty() || s.indexOf('\\') >= 0) {
                    throw new SmbDfsException(what(step, domain, dc) + ": ExpandedName '" + n + "' is not a host name", List.of(),
                            step, domain, null);
                }
                names.add(s);
            }
            out.add(new NameList(name, names, (int) Math.min(Integer.toUnsignedLong(e.timeToLive()), Integer.MAX_VALUE)));
        }
        return out;
    }

    private static String strip(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\\') {
            i++;
        }
        return s.substring(i);
    }

    /** {@code DC referral for SMBCO from dc1:445}: the step, the domain and the DC, for messages. */
    static String what(Step step, String domain, String dc) {
        String name = switch (step) {
            case DOMAIN_REFERRAL -> "domain referral";
            case DC_REFERRAL -> "DC referral";
            case ROOT_REFERRAL -> "root referral";
            case PATH -> "referral";
        };
        return name + (domain == null ? "" : " for domain " + domain) + (dc == null ? "" : " from " + dc);
    }

    /** A name compared without case. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
