/**
 * A Samba server for tests, as a Testcontainers container: {@link dev.smbco.testcontainers.SambaContainer}.
 * Depends on Testcontainers only; any SMB client can talk to it.
 */
package dev.smbco.testcontainers;
