package dev.smbco.testserver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Host names the fixtures invent ({@code dc1.smbco.test}, the AD DC's name, which DFS referrals
 * name) mapped to their loopback addresses in this JVM only: a JDK resolver provider
 * ({@code java.net.spi}, registered in META-INF/services) that answers the names {@link #map}
 * registered and hands every other name to the JDK's own resolver. Nothing outside the test JVM
 * sees them (no /etc/hosts edit), and unlike {@code -Djdk.net.hosts.file} it leaves every other
 * lookup (localhost, the container engine) as it was. The library under test resolves names
 * with {@link InetAddress#getByName}, so it goes through here as an application would through DNS.
 */
public final class TestHosts extends InetAddressResolverProvider {
    private static final Map<String, byte[]> NAMES = new ConcurrentHashMap<>();

    /**
     * Makes {@code name} resolve to {@code address} in this JVM from now on (an earlier failed
     * lookup of it may stay cached by the JDK for its negative TTL, 10 s by default).
     *
     * @param name a host name, compared without case
     * @param address an IPv4 or IPv6 literal
     */
    public static void map(String name, String address) {
        try {
            NAMES.put(name.toLowerCase(Locale.ROOT), InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                byte[] a = NAMES.get(host.toLowerCase(Locale.ROOT));
                if (a == null) {
                    return builtin.lookupByName(host, policy);
                }
                return Stream.of(InetAddress.getByAddress(host, a));
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "smbco test hosts";
    }
}
