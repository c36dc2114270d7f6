package dev.smbco.cli;

import dev.smbco.cli.commands.CatCommand;
import dev.smbco.cli.commands.CpCommand;
import dev.smbco.cli.commands.GetCommand;
import dev.smbco.cli.commands.LsCommand;
import dev.smbco.cli.commands.MkdirCommand;
import dev.smbco.cli.commands.MvCommand;
import dev.smbco.cli.commands.PutCommand;
import dev.smbco.cli.commands.RmCommand;
import dev.smbco.cli.commands.RmdirCommand;
import dev.smbco.cli.commands.StatCommand;
import dev.smbco.cli.demo.DemoCommand;
import dev.smbco.protocol.Dialect;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code smbco} command: global options (usable before or after the subcommand) and the
 * subcommands. It holds the run's {@link Io}, which the subcommands reach through their parent.
 */
@Command(name = "smbco", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Copy files to and from SMB2/SMB3 shares.%n"
                + "URL: smb://[[DOMAIN;]USER[:PASSWORD]@]HOST[:PORT]/SHARE[/PATH]  (percent-encoding allowed)",
        footer = {"", "Exit status: 0 ok, 1 an operation failed, 2 usage error, 3 connection failed/lost/timed out"
                + " or no credentials, 4 authentication failed.",
                "Credentials, first found: the URL, --user/--password/--domain, SMBCO_USER/SMBCO_PASSWORD/SMBCO_DOMAIN, --guest;"
                        + " else a password prompt on a terminal."})
public final class SmbcoCommand implements Runnable {
    /**
     * The subcommands, by name, in the order the usage lists them. Not in {@code @Command(subcommands
     * = ...)}: picocli builds the model of every listed subcommand by reflection before parsing (a
     * quarter of a cold {@code smbco ls}), so {@link Main} adds only those a command line can use.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();
    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--user", paramLabel = "USER", scope = ScopeType.INHERIT, description = "User name (when the URL has none).")
    String user;

    @Option(names = "--password", paramLabel = "PASS", scope = ScopeType.INHERIT, description = "Password (prefer SMBCO_PASSWORD: options show in ps).")
    String password;

    @Option(names = "--domain", paramLabel = "DOM", scope = ScopeType.INHERIT, description = "Domain or workgroup.")
    String domain;

    @Option(names = "--guest", scope = ScopeType.INHERIT, description = "Log on as guest when no user is given.")
    boolean guest;

    @Option(names = "--kerberos", scope = ScopeType.INHERIT,
            description = "Log on with Kerberos: as --user with --password (a ticket from the KDC), or without a password with the ticket cache (KRB5CCNAME, after kinit). krb5.conf from KRB5_CONFIG or /etc/krb5.conf.")
    boolean kerberos;

    @Option(names = "--spn", paramLabel = "SERVICE/HOST", scope = ScopeType.INHERIT,
            description = "Kerberos principal of the server (default cifs/HOST), e.g. when HOST is an address or an alias.")
    String spn;

    @Option(names = "--port", paramLabel = "N", scope = ScopeType.INHERIT, description = "TCP port when the URL has none (default 445).")
    int port = -1;

    @Option(names = "--timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT, description = "Give up on a connect or a request after this long (default 30).")
    int timeoutSeconds = 30;

    @Option(names = "--deadline", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "Give up on the whole command after this long (e.g. 90s, 5m, 1h30m): exit 3, partial files handled as for any failure.")
    String deadline;

    /** When the command started: --deadline counts from here. */
    private final long startNanos = System.nanoTime();
    private CommandDeadline parsedDeadline;

    @Option(names = "--min-protocol", paramLabel = "P", scope = ScopeType.INHERIT, description = "Oldest dialect to accept: SMB2_02 SMB2_10 SMB3_00 SMB3_02 SMB3_11.")
    Dialect minProtocol;

    @Option(names = "--max-protocol", paramLabel = "P", scope = ScopeType.INHERIT, description = "Newest dialect to offer.")
    Dialect maxProtocol;

    @Option(names = "--signing", paramLabel = "auto|required", scope = ScopeType.INHERIT, description = "Sign when the server asks (auto) or always (required).")
    SigningMode signing = SigningMode.AUTO;

    @Option(names = "--encrypt", scope = ScopeType.INHERIT, description = "Require encryption (SMB 3).")
    boolean encrypt;

    @Option(names = "--no-compound", scope = ScopeType.INHERIT,
            description = "Send separate requests, not compounds (CREATE+WRITE+CLOSE in one round trip), for small files.")
    boolean noCompound;

    @Option(names = "--no-reconnect", scope = ScopeType.INHERIT,
            description = "Fail at once when the connection drops, instead of reconnecting and reopening files (for up to --timeout, at least 60 s).")
    boolean noReconnect;

    @Option(names = "--no-dfs", scope = ScopeType.INHERIT,
            description = "Do not follow DFS referrals: a path below a DFS link fails with STATUS_PATH_NOT_COVERED instead of being opened on the link's target.")
    boolean noDfs;

    @Option(names = "--dc", paramLabel = "HOST[:PORT]", scope = ScopeType.INHERIT, split = ",",
            description = "Domain controller(s) to ask for DFS domain and DC referrals, so that smb://DOMAIN/share/ (sysvol, netlogon, domain-based DFS) is resolved through the domain (default: the URL's host itself, by DNS).")
    java.util.List<String> domainControllers = new java.util.ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Files copied at once by recursive copies (default: 32 files of up to 1 MiB, 4 larger ones).")
    Integer parallel;

    @Option(names = "--progress", negatable = true, scope = ScopeType.INHERIT, description = "Force the progress bar on or off (default: on when stderr is a terminal).")
    Boolean progress;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No progress, no summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show details (stack traces) on errors.")
    boolean verbose;

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("ls", LsCommand.class);
        m.put("get", GetCommand.class);
        m.put("put", PutCommand.class);
        m.put("cp", CpCommand.class);
        m.put("mv", MvCommand.class);
        m.put("rm", RmCommand.class);
        m.put("mkdir", MkdirCommand.class);
        m.put("rmdir", RmdirCommand.class);
        m.put("cat", CatCommand.class);
        m.put("stat", StatCommand.class);
        m.put("demo", DemoCommand.class);
        m.put("help", HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    public SmbcoCommand(Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (ls, get, put, cp, mv, rm, mkdir, rmdir, cat, stat, demo)");
    }

    public Io io() {
        return io;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }

    /** Whether to draw a progress bar: forced by --progress/--no-progress, off with -q, else when stderr is a terminal. */
    public boolean showProgress() {
        if (quiet) {
            return false;
        }
        return progress != null ? progress : io.terminal().stderrIsTerminal();
    }

    /** Files over 1 MiB a recursive copy copies at once: {@code --parallel}, else 4. */
    public int parallel() {
        return parallel == null ? 4 : checkedParallel();
    }

    /**
     * Files of up to 1 MiB (one round trip each) a recursive copy copies at once:
     * {@code --parallel}, else 32. Their cost is the round trip, not the bytes: more of them in
     * flight keep the one connection busy, where a few large files fill it on their own.
     */
    public int smallFilesParallel() {
        return parallel == null ? 32 : checkedParallel();
    }

    /** {@code --parallel} as given on the command line, or null. */
    public Integer parallelOption() {
        return parallel == null ? null : checkedParallel();
    }

    private int checkedParallel() {
        if (parallel < 1 || parallel > 64) {
            throw CliException.usage("--parallel must be from 1 to 64, not " + parallel);
        }
        return parallel;
    }

    public Duration timeout() {
        if (timeoutSeconds < 1) {
            throw CliException.usage("--timeout must be at least 1 second, not " + timeoutSeconds);
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** {@code --deadline}, counted from the command's start; null without it. */
    public synchronized CommandDeadline deadline() {
        if (deadline == null) {
            return null;
        }
        if (parsedDeadline == null) {
            parsedDeadline = new CommandDeadline(CommandDeadline.parse(deadline), startNanos);
        }
        return parsedDeadline;
    }

    public int port() {
        if (port != -1 && (port < 1 || port > 65535)) {
            throw CliException.usage("--port must be from 1 to 65535, not " + port);
        }
        return port;
    }

    public Dialect minProtocol() {
        return minProtocol;
    }

    public Dialect maxProtocol() {
        if (minProtocol != null && maxProtocol != null && minProtocol.compareTo(maxProtocol) > 0) {
            throw CliException.usage("--min-protocol " + minProtocol + " is newer than --max-protocol " + maxProtocol);
        }
        return maxProtocol;
    }

    public SigningMode signing() {
        return signing;
    }

    public boolean encrypt() {
        return encrypt;
    }

    /** Whether small-file operations may travel as compounds (SmbConfig.compounding). */
    public boolean compound() {
        return !noCompound;
    }

    /** Whether a dropped connection is re-established transparently (SmbConfig.reconnect). */
    public boolean reconnect() {
        return !noReconnect;
    }

    /** Whether DFS referrals are followed ({@code --no-dfs} turns it off: SmbConfig.dfs). */
    public boolean dfs() {
        return !noDfs;
    }

    /** The domain controllers named with {@code --dc} (DfsPolicy.withDomainControllers), maybe none. */
    public java.util.List<String> domainControllers() {
        return java.util.List.copyOf(domainControllers);
    }

    /** Whether to log on with Kerberos ({@code --kerberos}). */
    public boolean kerberos() {
        return kerberos;
    }

    /** The server's Kerberos principal ({@code --spn}), or null for cifs/HOST. */
    public String spn() {
        return spn;
    }

    /** The credential sources of this run. */
    public CredentialResolver credentials() {
        return new CredentialResolver(user, password, domain, guest, io.env(), io.terminal(), kerberos);
    }
}
