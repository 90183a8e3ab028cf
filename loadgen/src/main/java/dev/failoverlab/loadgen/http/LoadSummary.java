package dev.failoverlab.loadgen.http;

import dev.failoverlab.loadgen.profile.LoadSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.HdrHistogram.Histogram;

/**
 * A run written out: JSON (options, totals, latency and service-time percentiles, status counts, per-second
 * rows), CSV (one row per second plus a {@code total} row) and a short text summary. Numbers use
 * {@link Locale#ROOT}, so files read the same on every machine.
 */
public final class LoadSummary {
    /** The percentiles every summary reports, and their names in JSON and CSV. */
    public static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};
    private static final String[] NAMES = {"p50", "p90", "p95", "p99", "p99_9"};

    public static final String CSV_HEADER = "row,end_s,target_rps,achieved_rps,completed,errors,late,backlog,"
            + "p50_ms,p90_ms,p95_ms,p99_ms,p99_9_ms,max_ms,statuses";

    private LoadSummary() {
    }

    public static String json(LoadOptions options, LoadResult r) {
        StringBuilder b = new StringBuilder(4096 + r.intervals().size() * 200);
        b.append("{\n");
        b.append("  \"target\": ").append(quote(options.target().toString())).append(",\n");
        List<String> segments = new ArrayList<>();
        for (LoadSegment s : options.profile().segments()) {
            segments.add(quote(s.describe()));
        }
        b.append("  \"profile\": [").append(String.join(", ", segments)).append("],\n");
        b.append("  \"connections\": ").append(options.connections()).append(",\n");
        b.append("  \"arrivals\": ").append(quote(options.arrivals().name().toLowerCase(Locale.ROOT))).append(",\n");
        b.append("  \"seed\": ").append(options.seed()).append(",\n");
        b.append("  \"timeoutMs\": ").append(options.timeout().toMillis()).append(",\n");
        b.append("  \"lateThresholdMs\": ").append(options.lateThreshold().toMillis()).append(",\n");
        b.append("  \"durationSeconds\": ").append(num(r.durationSeconds())).append(",\n");
        b.append("  \"achievedRps\": ").append(num(r.achievedRps())).append(",\n");
        long[] counts = {r.intended(), r.sent(), r.completed(), r.ok(), r.errors(), r.timeouts(), r.ioErrors(),
            r.late(), r.unsent(), r.expired(), r.connectFailures()};
        String[] names = {"intended", "sent", "completed", "ok", "errors", "timeouts", "ioErrors", "late", "unsent",
            "expired", "connectFailures"};
        for (int i = 0; i < counts.length; i++) {
            b.append("  \"").append(names[i]).append("\": ").append(counts[i]).append(",\n");
        }
        b.append("  \"latencyMs\": ").append(percentilesJson(r.latency())).append(",\n");
        b.append("  \"serviceTimeMs\": ").append(percentilesJson(r.serviceTime())).append(",\n");
        StringJoiner statuses = new StringJoiner(", ", "{", "}");
        for (Map.Entry<Integer, Long> e : r.statusCounts().entrySet()) {
            statuses.add(quote(String.valueOf(e.getKey())) + ": " + e.getValue());
        }
        b.append("  \"statusCounts\": ").append(statuses).append(",\n");
        b.append("  \"intervals\": [");
        for (int i = 0; i < r.intervals().size(); i++) {
            IntervalReport s = r.intervals().get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"endSeconds\": ").append(num(s.endSeconds()))
                    .append(", \"targetRps\": ").append(num(s.targetRps()))
                    .append(", \"achievedRps\": ").append(num(s.achievedRps()))
                    .append(", \"completed\": ").append(s.completed())
                    .append(", \"errors\": ").append(s.errors())
                    .append(", \"p50Ms\": ").append(num(s.p50Ms()))
                    .append(", \"p95Ms\": ").append(num(s.p95Ms()))
                    .append(", \"p99Ms\": ").append(num(s.p99Ms()))
                    .append(", \"late\": ").append(s.late())
                    .append(", \"backlog\": ").append(s.backlog()).append('}');
        }
        b.append(r.intervals().isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return b.toString();
    }

    public static String csv(LoadResult r) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (IntervalReport s : r.intervals()) {
            b.append(String.format(Locale.ROOT, "second,%s,%s,%s,%d,%d,%d,%d,%s,,%s,%s,,,\n", num(s.endSeconds()),
                    num(s.targetRps()), num(s.achievedRps()), s.completed(), s.errors(), s.late(), s.backlog(),
                    num(s.p50Ms()), num(s.p95Ms()), num(s.p99Ms())));
        }
        StringJoiner statuses = new StringJoiner(";");
        r.statusCounts().forEach((code, count) -> statuses.add(code + "=" + count));
        double expected = r.durationSeconds() > 0 ? r.intended() / r.durationSeconds() : 0;
        b.append(String.format(Locale.ROOT, "total,%s,%s,%s,%d,%d,%d,%d", num(r.durationSeconds()), num(expected),
                num(r.achievedRps()), r.completed(), r.errors(), r.late(), r.unsent()));
        for (double p : PERCENTILES) {
            b.append(',').append(num(ms(r.latency(), p)));
        }
        b.append(',').append(num(r.latency().getMaxValue() / 1000.0)).append(',').append(statuses).append('\n');
        return b.toString();
    }

    /** A few human lines for the terminal. */
    public static String text(LoadResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d requests in %.1f s: %.1f rps achieved (%d intended, %d sent)\n",
                r.completed(), r.durationSeconds(), r.achievedRps(), r.intended(), r.sent()));
        b.append(String.format(Locale.ROOT, "errors %d (%.2f%%): timeouts %d (%d expired waiting), I/O %d;"
                        + " late %d, unsent %d, connect failures %d\n", r.errors(),
                r.intended() == 0 ? 0.0 : 100.0 * r.errors() / r.intended(), r.timeouts(), r.expired(),
                r.ioErrors(), r.late(), r.unsent(), r.connectFailures()));
        b.append("latency (from intended send) ").append(percentilesText(r.latency())).append('\n');
        b.append("service time (from actual send) ").append(percentilesText(r.serviceTime())).append('\n');
        StringJoiner statuses = new StringJoiner(", ", "status ", "");
        r.statusCounts().forEach((code, count) -> statuses.add(code + ": " + count));
        b.append(r.statusCounts().isEmpty() ? "status: no responses" : statuses.toString()).append('\n');
        return b.toString();
    }

    private static String percentilesJson(Histogram h) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < PERCENTILES.length; i++) {
            j.add(quote(NAMES[i]) + ": " + num(ms(h, PERCENTILES[i])));
        }
        j.add("\"max\": " + num(h.getMaxValue() / 1000.0));
        j.add("\"mean\": " + num(h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0));
        return j.toString();
    }

    private static String percentilesText(Histogram h) {
        StringJoiner j = new StringJoiner("  ");
        for (int i = 0; i < PERCENTILES.length; i++) {
            j.add(String.format(Locale.ROOT, "%s %.2f ms", NAMES[i].replace('_', '.'), ms(h, PERCENTILES[i])));
        }
        j.add(String.format(Locale.ROOT, "max %.2f ms", h.getMaxValue() / 1000.0));
        return j.toString();
    }

    private static double ms(Histogram h, double p) {
        return h.getTotalCount() == 0 ? 0.0 : h.getValueAtPercentile(p) / 1000.0;
    }

    /** Up to three decimals, no exponent, no trailing zeros: 1000, 0.412, 12.5. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
