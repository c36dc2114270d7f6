package dev.smbco.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code smbco --version}: the jar's implementation version, or "dev" when run from classes. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"smbco " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java " + Runtime.version() + ")"};
    }
}
