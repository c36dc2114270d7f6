package dev.smbco.cli;

/**
 * Start-up work done beside picocli instead of after it. While the main thread builds the command
 * model and parses the arguments (tens of milliseconds in a cold JVM), a second thread loads and
 * initialises what any command that talks to a server needs next: Netty's native epoll transport
 * (the library is extracted from the jar and loaded) and the JDK's AES/HMAC providers. On a machine
 * with a second core idle this takes that time off the command's wall time; on a busy one it costs
 * nothing the command would not pay anyway, a little later. Only for arguments that name a server
 * ({@code smb://} or a UNC path); {@code -Dsmbco.prewarm=false} turns it off.
 */
final class Prewarm {
    private Prewarm() {
    }

    /** Starts the warm-up when {@code args} name a server; never fails the command. */
    static void startFor(String[] args) {
        if (!Boolean.parseBoolean(System.getProperty("smbco.prewarm", "true")) || !namesServer(args)) {
            return;
        }
        Thread t = new Thread(Prewarm::warm, "smbco-prewarm");
        t.setDaemon(true);
        t.start();
    }

    static boolean namesServer(String[] args) {
        for (String a : args) {
            if (a.regionMatches(true, 0, "smb://", 0, 6) || a.startsWith("//") || a.startsWith("\\\\")) {
                return true;
            }
        }
        return false;
    }

    private static void warm() {
        try {
            // by name: smb-cli's module does not read Netty's (the client chooses the transport)
            Class.forName("io.netty.channel.epoll.Epoll").getMethod("isAvailable").invoke(null);
            javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            javax.crypto.Mac.getInstance("HmacSHA256");
        } catch (Throwable ignored) {
            // a warm-up only: whatever failed here fails, and is reported, where the command needs it
        }
    }
}
