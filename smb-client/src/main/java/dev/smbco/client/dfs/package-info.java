/**
 * DFS namespaces (MS-DFSC): what a client follows when a path lies in a DFS namespace whose
 * folders live on other servers. The pool ({@link dev.smbco.client.pool.SmbPool}, and so
 * {@code SmbClient.openSend(URI, ...)}) follows referrals by itself; {@link dev.smbco.client.dfs.DfsPolicy}
 * (in {@code SmbConfig}) turns that off, bounds the hops, says which targets may be followed, and
 * names the domain controllers that resolve domain-based names ({@code \\CORP\sysvol},
 * {@code \\corp.example\dfs}: MS-DFSC domain and DC referrals).
 * The resolver and its referral cache live in {@code dfs.internal}, which is not exported.
 */
package dev.smbco.client.dfs;
