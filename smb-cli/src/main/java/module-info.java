/**
 * The {@code smbco} command line ({@code dev.smbco.cli.Main}). An application, not a library: it
 * exports nothing. picocli reads the command classes reflectively, so their packages are opened
 * to {@code info.picocli}. Jackson only serializes maps and lists of JDK types here, so nothing
 * is opened to it.
 */
module dev.smbco.cli {
    requires dev.smbco.client;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.management;

    opens dev.smbco.cli to info.picocli;
    opens dev.smbco.cli.commands to info.picocli;
    opens dev.smbco.cli.demo to info.picocli;
}
