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
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The {@code smbco} command: global options (usable before or after the subcommand) and the
 * subcommands. It holds the run's {@link Io}, which the subcommands reach through their parent.
 * Its picocli model is built in code ({@link #model()}; why: {@link Bind}).
 */
public final class SmbcoCommand implements Runnable {
    /**
     * The subcommands, by name, in the order the usage lists them. Not in the root's model:
     * picocli would build the model of every subcommand before parsing, so {@link Main} adds only
     * those a command line can use.
     */
    static final java.util.Map<String, Subcommand> SUBCOMMANDS = subcommands();
    private final Io io;

    CommandSpec spec;
    String user;
    String password;
    String domain;
    boolean guest;
    boolean kerberos;
    String spn;
    int port = -1;
    int timeoutSeconds = 30;
    String deadline;

    /** When the command started: --deadline counts from here. */
    private final long startNanos = System.nanoTime();
    private CommandDeadline parsedDeadline;

    Dialect minProtocol;
    Dialect maxProtocol;
    SigningMode signing = SigningMode.AUTO;
    boolean encrypt;
    boolean noCompound;
    boolean noReconnect;
    boolean noDfs;
    java.util.List<String> domainControllers = new java.util.ArrayList<>();
    Integer parallel;
    Boolean progress;
    boolean quiet;
    boolean verbose;

    /** The model of {@code smbco} and its global options (inherited by every subcommand). */
    CommandSpec model() {
        CommandSpec s = CommandSpec.wrapWithoutInspection(this).name("smbco").versionProvider(new Version());
        s.usageMessage().sortOptions(false).autoWidth(true)
                .description("Copy files to and from SMB2/SMB3 shares.%n"
                        + "URL: smb://[[DOMAIN;]USER[:PASSWORD]@]HOST[:PORT]/SHARE[/PATH]  (percent-encoding allowed)")
                .footer("", "Exit status: 0 ok, 1 an operation failed, 2 usage error, 3 connection failed/lost/timed out"
                        + " or no credentials, 4 authentication failed.",
                        "Credentials, first found: the URL, --user/--password/--domain, SMBCO_USER/SMBCO_PASSWORD/SMBCO_DOMAIN, --guest;"
                                + " else a password prompt on a terminal.");
        global(s, Bind.of(String.class, () -> user, v -> user = v).option("--user").paramLabel("USER")
                .description("User name (when the URL has none)."));
        global(s, Bind.of(String.class, () -> password, v -> password = v).option("--password").paramLabel("PASS")
                .description("Password (prefer SMBCO_PASSWORD: options show in ps)."));
        global(s, Bind.of(String.class, () -> domain, v -> domain = v).option("--domain").paramLabel("DOM")
                .description("Domain or workgroup."));
        global(s, Bind.of(boolean.class, () -> guest, v -> guest = v).option("--guest")
                .description("Log on as guest when no user is given."));
        global(s, Bind.of(boolean.class, () -> kerberos, v -> kerberos = v).option("--kerberos")
                .description("Log on with Kerberos: as --user with --password (a ticket from the KDC), or without a password with the ticket cache (KRB5CCNAME, after kinit). krb5.conf from KRB5_CONFIG or /etc/krb5.conf."));
        global(s, Bind.of(String.class, () -> spn, v -> spn = v).option("--spn").paramLabel("SERVICE/HOST")
                .description("Kerberos principal of the server (default cifs/HOST), e.g. when HOST is an address or an alias."));
        global(s, Bind.of(int.class, () -> port, v -> port = v).option("--port").paramLabel("N")
                .description("TCP port when the URL has none (default 445)."));
        global(s, Bind.of(int.class, () -> timeoutSeconds, v -> timeoutSeconds = v).option("--timeout").paramLabel("SECONDS")
                .description("Give up on a connect or a request after this long (default 30)."));
        global(s, Bind.of(String.class, () -> deadline, v -> deadline = v).option("--deadline").paramLabel("DURATION")
                .description("Give up on the whole command after this long (e.g. 90s, 5m, 1h30m): exit 3, partial files handled as for any failure."));
        global(s, Bind.of(Dialect.class, () -> minProtocol, v -> minProtocol = v).option("--min-protocol").paramLabel("P")
                .description("Oldest dialect to accept: SMB2_02 SMB2_10 SMB3_00 SMB3_02 SMB3_11."));
        global(s, Bind.of(Dialect.class, () -> maxProtocol, v -> maxProtocol = v).option("--max-protocol").paramLabel("P")
                .description("Newest dialect to offer."));
        global(s, Bind.of(SigningMode.class, () -> signing, v -> signing = v).option("--signing").paramLabel("auto|required")
                .description("Sign when the server asks (auto) or always (required)."));
        global(s, Bind.of(boolean.class, () -> encrypt, v -> encrypt = v).option("--encrypt")
                .description("Require encryption (SMB 3)."));
        global(s, Bind.of(boolean.class, () -> noCompound, v -> noCompound = v).option("--no-compound")
                .description("Send separate requests, not compounds (CREATE+WRITE+CLOSE in one round trip), for small files."));
        global(s, Bind.of(boolean.class, () -> noReconnect, v -> noReconnect = v).option("--no-reconnect")
                .description("Fail at once when the connection drops, instead of reconnecting and reopening files (for up to --timeout, at least 60 s)."));
        global(s, Bind.of(boolean.class, () -> noDfs, v -> noDfs = v).option("--no-dfs")
                .description("Do not follow DFS referrals: a path below a DFS link fails with STATUS_PATH_NOT_COVERED instead of being opened on the link's target."));
        global(s, Bind.ofList(() -> domainControllers, v -> domainControllers = v).option("--dc").paramLabel("HOST[:PORT]").splitRegex(",")
                .description("Domain controller(s) to ask for DFS domain and DC referrals, so that smb://DOMAIN/share/ (sysvol, netlogon, domain-based DFS) is resolved through the domain (default: the URL's host itself, by DNS)."));
        global(s, Bind.of(Integer.class, () -> parallel, v -> parallel = v).option("--parallel").paramLabel("N")
                .description("Files copied at once by recursive copies (default: 32 files of up to 1 MiB, 4 larger ones)."));
        global(s, Bind.of(Boolean.class, () -> progress, v -> progress = v).option("--progress").negatable(true)
                .description("Force the progress bar on or off (default: on when stderr is a terminal)."));
        global(s, Bind.of(boolean.class, () -> quiet, v -> quiet = v).option("-q", "--quiet")
                .description("No progress, no summary."));
        global(s, Bind.of(boolean.class, () -> verbose, v -> verbose = v).option("-v", "--verbose")
                .description("Show details (stack traces) on errors."));
        // what picocli's mixinStandardHelpOptions adds, without reading its annotated mixin
        s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        s.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        this.spec = s;
        return s;
    }

    private static void global(CommandSpec spec, OptionSpec.Builder option) {
        spec.addOption(option.scopeType(ScopeType.INHERIT).build());
    }

    private static java.util.Map<String, Subcommand> subcommands() {
        java.util.Map<String, Subcommand> m = new java.util.LinkedHashMap<>();
        m.put("ls", Subcommand.of(LsCommand::model));
        m.put("get", Subcommand.of(GetCommand::model));
        m.put("put", Subcommand.of(PutCommand::model));
        m.put("cp", Subcommand.of(CpCommand::model));
        m.put("mv", Subcommand.of(MvCommand::model));
        m.put("rm", Subcommand.of(RmCommand::model));
        m.put("mkdir", Subcommand.of(MkdirCommand::model));
        m.put("rmdir", Subcommand.of(RmdirCommand::model));
        m.put("cat", Subcommand.of(CatCommand::model));
        m.put("stat", Subcommand.of(StatCommand::model));
        m.put("demo", Subcommand.of(DemoCommand::model));
        m.put("help", Subcommand.annotated(HelpCommand.class));
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
