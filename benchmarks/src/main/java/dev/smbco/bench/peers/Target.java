package dev.smbco.bench.peers;

/** The benchmark's server and account, the same for every peer. */
record Target(String host, int port, String share, String user, String password, String domain) {
}
