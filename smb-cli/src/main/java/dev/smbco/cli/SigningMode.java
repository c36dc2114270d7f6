package dev.smbco.cli;

/** {@code --signing}: sign when the server wants it (auto), or insist on signing (required). */
public enum SigningMode {
    AUTO, REQUIRED
}
