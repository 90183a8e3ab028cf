package dev.failoverlab.benchmarks.wrk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code wrk} (the Debian package) and what it printed: its request rate and its latency percentiles.
 * wrk is closed-loop: each connection sends its next request when the previous answer arrives, and it times a
 * request from its actual send, which is why a stalled server barely moves its percentiles.
 */
record WrkRun(double requestsPerSecond, long requests, double p50Ms, double p99Ms, double maxMs, long non2xx,
              long socketErrors) {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern LATENCY_ROW = Pattern.compile(
            "^\\s+Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Runs {@code wrk -t THREADS -c CONNECTIONS -d SECONDS --latency URL} and parses its report. */
    static WrkRun run(URI url, int threads, int connections, Duration duration) throws IOException {
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", url.toString());
        Process wrk;
        try {
            wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot start wrk (install it: apt-get install -y wrk): " + e.getMessage(), e);
        }
        String out;
        try (InputStream in = wrk.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                throw new IOException("wrk failed: " + out.strip().replace('\n', ' '));
            }
        } catch (InterruptedException e) {
            wrk.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while wrk ran", e);
        }
        return parse(out);
    }

    static WrkRun parse(String out) throws IOException {
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rate.find() || !total.find()) {
            throw new IOException("cannot read wrk's report: " + out.strip().replace('\n', ' '));
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(out);
        while (p.find()) {
            double ms = millis(p.group(2), p.group(3));
            if (p.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        Matcher row = LATENCY_ROW.matcher(out);
        double max = row.find() ? millis(row.group(1), row.group(2)) : Double.NaN;
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher socket = SOCKET.matcher(out);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new WrkRun(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), p50, p99, max,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
