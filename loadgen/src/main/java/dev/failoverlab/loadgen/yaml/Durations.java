package dev.failoverlab.loadgen.yaml;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes-style durations: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}, {@code 1.5m}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    /** Parses a duration in a file: a malformed one is an error at {@code where}, naming {@code path}. */
    public static Duration parse(String text, SourceLocation where, String path) {
        return tryParse(text).orElseThrow(() -> bad(text, where, path));
    }

    /** Parses a duration given anywhere else (a command-line option, a query), or says it is not one. */
    public static Optional<Duration> tryParse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        double millis = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return Optional.empty();
            }
            double n = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1_000;
                case "m" -> n * 60_000;
                default -> n * 3_600_000;
            };
            pos = m.end();
        }
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    private static YamlFileException bad(String text, SourceLocation where, String path) {
        return new YamlFileException(where, path,
                "expected a duration like 30s or 5m (units ms, s, m, h; e.g. 250ms, 1h30m), got '" + text + "'");
    }

    /** Short form for reports: {@code 5m}, {@code 90s}, {@code 1h30m}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            b.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || b.length() == 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
