/**
 * The connection pool and {@code smb://} URIs: the one place that maps a server and an identity
 * to a live connection, session and tree ({@link dev.smbco.client.pool.SmbPool}), so that an
 * application (or the DFS resolver, or the command line) can say "open this file" without
 * managing connections.
 */
package dev.smbco.client.pool;
