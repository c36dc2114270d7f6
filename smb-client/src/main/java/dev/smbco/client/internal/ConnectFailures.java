package dev.smbco.client.internal;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Why a TCP connect failed, as one plain sentence: "connection refused", "no route to host",
 * "network is unreachable", "timed out after 30 s", instead of a transport's wording such as
 * Netty's {@code finishConnect(..) failed with error(-111): Connection refused}. For messages
 * only: nothing decides behaviour on it.
 */
public final class ConnectFailures {
    private ConnectFailures() {
    }

    /**
     * The sentence for {@code cause} (null: the attempt was cancelled).
     *
     * @param timeout the connect timeout in force, named when it expired
     */
    public static String describe(Throwable cause, Duration timeout) {
        if (cause == null) {
            return "cancelled";
        }
        if (cause instanceof ConnectTimeoutException || cause instanceof SocketTimeoutException) {
            return "timed out after " + Durations.human(timeout);
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (cause instanceof PortUnreachableException) {
            return "port unreachable";
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        // the native transports carry the errno only in the text (strerror): ECONNREFUSED, EHOSTUNREACH, ...
        String lower = message.toLowerCase(Locale.ROOT);
        for (String known : new String[] {"connection refused", "no route to host", "network is unreachable",
                "connection reset by peer", "permission denied"}) {
            if (lower.contains(known)) {
                return known;
            }
        }
        if (lower.contains("connection timed out")) {
            return "timed out";
        }
        if (cause instanceof ConnectException && message.isEmpty()) {
            return "connection refused";
        }
        // "finishConnect(..) failed with error(-N): Some text" -> "some text"
        int colon = message.lastIndexOf("): ");
        String text = colon >= 0 ? message.substring(colon + 3) : message;
        if (text.isBlank()) {
            text = cause.getClass().getSimpleName();
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
