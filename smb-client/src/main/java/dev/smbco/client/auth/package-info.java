/**
 * Kerberos for SMB session setup (internal; applications use
 * {@link dev.smbco.client.Credentials#kerberos(String, char[])} and friends): the Kerberos 5 GSS
 * mechanism of the JDK ({@code org.ietf.jgss}, {@code com.sun.security.jgss}) behind
 * {@link dev.smbco.protocol.auth.SpnegoMechanism}, the JAAS logon that gets its ticket, where
 * krb5.conf comes from, and one {@link dev.smbco.client.SmbAuthenticationException} per Kerberos
 * failure.
 */
package dev.smbco.client.auth;
