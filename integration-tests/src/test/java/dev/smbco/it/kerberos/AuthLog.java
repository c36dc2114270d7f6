package dev.smbco.it.kerberos;

import dev.smbco.testserver.AdDc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The DC's own word on how a session authenticated: Samba's authorization audit lines
 * ({@code log level = auth_audit:5}) read {@code Successful AuthZ: [SMB2,krb5] user [SMBCO]\[test] ...
 * Remote host [ipv4:127.0.0.1:PORT]}; the mechanism is {@code krb5} or {@code NTLMSSP}.
 */
final class AuthLog {
    private static final Pattern AUTHZ = Pattern.compile("Successful AuthZ: \\[SMB2,([A-Za-z0-9]+)\\]");

    private AuthLog() {
    }

    /** The mechanism of the session from our local port, retried briefly (smbd writes its log asynchronously); null if none. */
    static String mechanismOf(AdDc dc, int clientPort) throws IOException, InterruptedException {
        String needle = ":" + clientPort + "]";
        for (int attempt = 0; attempt < 40; attempt++) {
            for (String line : lines(dc.logDir())) {
                if (line.contains("Successful AuthZ") && line.contains(needle)) {
                    Matcher m = AUTHZ.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    private static List<String> lines(Path logDir) throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(Files::isRegularFile).flatMap(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).lines();
                } catch (IOException e) {
                    return Stream.empty();
                }
            }).toList();
        }
    }
}
