package dev.smbco.nio;

import java.nio.file.PathMatcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@link java.nio.file.FileSystem#getPathMatcher} for {@code glob:} and {@code regex:}, with the
 * glob rules {@link java.nio.file.FileSystem#getPathMatcher} documents: {@code *} matches within
 * a name, {@code **} across names, {@code ?} one character, {@code [...]} a class ({@code !}
 * negates), {@code {a,b}} a group, {@code \} escapes. Matching is case-sensitive, like
 * {@link SmbPath#equals}.
 */
final class Globs {
    private static final String REGEX_META = ".^$+{[]|()\\*?";

    private Globs() {
    }

    static PathMatcher matcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + syntaxAndPattern + "' is not of the form syntax:pattern");
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern p;
        if (syntax.equalsIgnoreCase("glob")) {
            p = Pattern.compile(toRegex(pattern));
        } else if (syntax.equalsIgnoreCase("regex")) {
            p = Pattern.compile(pattern);
        } else {
            throw new UnsupportedOperationException("syntax '" + syntax + "' is not known (glob and regex are)");
        }
        return path -> p.matcher(path.toString()).matches();
    }

    /** The regular expression a glob stands for. */
    static String toRegex(String glob) {
        StringBuilder r = new StringBuilder("^");
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (++i == glob.length()) {
                        throw new PatternSyntaxException("no character to escape", glob, i - 1);
                    }
                    literal(r, glob.charAt(i));
                }
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        r.append(".*");
                        i++;
                    } else {
                        r.append("[^/]*");
                    }
                }
                case '?' -> r.append("[^/]");
                case '[' -> i = charClass(glob, i, r);
                case '{' -> {
                    if (inGroup) {
                        throw new PatternSyntaxException("groups cannot be nested", glob, i);
                    }
                    r.append("(?:(?:");
                    inGroup = true;
                }
                case '}' -> {
                    if (inGroup) {
                        r.append("))");
                        inGroup = false;
                    } else {
                        literal(r, c);
                    }
                }
                case ',' -> {
                    if (inGroup) {
                        r.append(")|(?:");
                    } else {
                        literal(r, c);
                    }
                }
                default -> literal(r, c);
            }
        }
        if (inGroup) {
            throw new PatternSyntaxException("missing '}'", glob, glob.length() - 1);
        }
        return r.append('$').toString();
    }

    /** Appends the class starting at {@code glob[start] == '['}; returns the index of its {@code ]}. */
    private static int charClass(String glob, int start, StringBuilder r) {
        r.append("[[^/]&&[");
        int i = start + 1;
        if (i < glob.length() && glob.charAt(i) == '!') {
            r.append('^');
            i++;
        }
        boolean first = true;
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == ']' && !first) {
                r.append("]]");
                return i;
            }
            if (c == '/') {
                throw new PatternSyntaxException("a class cannot hold the separator '/'", glob, i);
            }
            if (c == '\\' || c == '[' || c == '&' || (c == ']' && first) || (c == '^' && first)) {
                r.append('\\');
            }
            r.append(c);
            first = false;
        }
        throw new PatternSyntaxException("missing ']'", glob, start);
    }

    private static void literal(StringBuilder r, char c) {
        if (REGEX_META.indexOf(c) >= 0) {
            r.append('\\');
        }
        r.append(c);
    }
}
