package dev.failoverlab.harness.run;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The on-disk form of a {@link RunRecording}: one folder per run under {@code raw/<scenario>/<policy>/seed-<n>/}
 * with {@code timeseries.csv}, {@code events.csv}, {@code queries.csv} and {@code run.properties}.
 * Numbers are written with {@link Locale#ROOT} at fixed precision, so equal runs give byte-identical files and
 * reports rendered from the files are reproducible.
 */
public final class RawStore {
    static final String TIMESERIES = "timeseries.csv";
    static final String EVENTS = "events.csv";
    static final String QUERIES = "queries.csv";
    static final String RUN = "run.properties";
    private static final String[] TOTAL_COLUMNS = {
        "t_s", "offered_rps", "cum_arrived", "cum_completed", "cum_failed", "in_flight",
        "arrivals", "ok", "errors", "p50_ms", "p95_ms", "p99_ms"};
    private static final String[] COLOR_COLUMNS = {
        "arrivals", "ok", "errors", "p50_ms", "p95_ms", "p99_ms", "traffic_pct", "desired", "ready", "pods",
        "pod_seconds", "cpu_util_pct", "memory_mib"};

    private final Path root;

    /** A store rooted at a report folder; runs live under {@code root/raw}. */
    public RawStore(Path reportFolder) {
        this.root = reportFolder.resolve("raw");
    }

    public Path folder(RunKey key) {
        return root.resolve(key.scenario()).resolve(key.policy()).resolve("seed-" + key.seed());
    }

    public void write(RunRecording run) {
        Path dir = folder(run.key());
        try {
            Files.createDirectories(dir);
            writeTimeseries(dir.resolve(TIMESERIES), run);
            writeEvents(dir.resolve(EVENTS), run.events());
            writeQueries(dir.resolve(QUERIES), run.queries());
            writeRun(dir.resolve(RUN), run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw results to " + dir, e);
        }
    }

    /** All runs found under the store, sorted by key. */
    public List<RunKey> list() {
        List<RunKey> keys = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return keys;
        }
        try (var scenarios = Files.list(root)) {
            for (Path s : scenarios.sorted().toList()) {
                try (var policies = Files.list(s)) {
                    for (Path p : policies.sorted().toList()) {
                        try (var seeds = Files.list(p)) {
                            for (Path seed : seeds.sorted().toList()) {
                                String name = seed.getFileName().toString();
                                if (name.startsWith("seed-") && Files.exists(seed.resolve(RUN))) {
                                    keys.add(new RunKey(s.getFileName().toString(), p.getFileName().toString(),
                                            Long.parseLong(name.substring(5))));
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list raw results in " + root, e);
        }
        keys.sort(null);
        return keys;
    }

    public RunRecording read(RunKey key) {
        Path dir = folder(key);
        try {
            Properties props = new Properties();
            try (BufferedReader r = Files.newBufferedReader(dir.resolve(RUN), StandardCharsets.UTF_8)) {
                props.load(r);
            }
            List<String> colors = List.of(props.getProperty("colors").split(","));
            double interval = Double.parseDouble(props.getProperty("intervalSeconds"));
            RunStats stats = new RunStats(Long.parseLong(props.getProperty("requests")),
                    Long.parseLong(props.getProperty("events")), Double.parseDouble(props.getProperty("wallSeconds")));
            return new RunRecording(key, props.getProperty("backend"), colors, interval,
                    readTimeseries(dir.resolve(TIMESERIES), colors), readEvents(dir.resolve(EVENTS)),
                    readQueries(dir.resolve(QUERIES)), stats);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read raw results of " + key + " from " + dir, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("raw results of " + key + " in " + dir + " are damaged: " + e.getMessage(), e);
        }
    }

    private static void writeRun(Path file, RunRecording run) throws IOException {
        // hand-written rather than Properties.store, which adds a timestamp comment
        List<String> lines = List.of(
                "scenario=" + run.key().scenario(),
                "policy=" + run.key().policy(),
                "seed=" + run.key().seed(),
                "backend=" + run.backend(),
                "colors=" + String.join(",", run.colors()),
                "intervalSeconds=" + num(run.intervalSeconds()),
                "requests=" + run.stats().requests(),
                "events=" + run.stats().events(),
                "wallSeconds=" + String.format(Locale.ROOT, "%.3f", run.stats().wallSeconds()));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void writeTimeseries(Path file, RunRecording run) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder(String.join(",", TOTAL_COLUMNS));
            for (String color : run.colors()) {
                for (String c : COLOR_COLUMNS) {
                    header.append(',').append(color).append('_').append(c);
                }
            }
            w.write(header.append('\n').toString());
            StringBuilder b = new StringBuilder(512);
            for (Sample s : run.samples()) {
                b.setLength(0);
                b.append(num(s.tSeconds())).append(',').append(num(s.offeredRps())).append(',')
                        .append(s.cumArrived()).append(',').append(s.cumCompleted()).append(',')
                        .append(s.cumFailed()).append(',').append(s.inFlight()).append(',')
                        .append(s.arrivals()).append(',').append(s.ok()).append(',').append(s.errors()).append(',')
                        .append(num(s.p50Ms())).append(',').append(num(s.p95Ms())).append(',').append(num(s.p99Ms()));
                for (String color : run.colors()) {
                    ColorSample c = s.color(color);
                    b.append(',').append(c.arrivals()).append(',').append(c.ok()).append(',').append(c.errors())
                            .append(',').append(num(c.p50Ms())).append(',').append(num(c.p95Ms()))
                            .append(',').append(num(c.p99Ms())).append(',').append(num(c.trafficPercent()))
                            .append(',').append(c.desiredReplicas()).append(',').append(c.readyReplicas())
                            .append(',').append(c.pods()).append(',').append(num(c.podSeconds()))
                            .append(',').append(num(c.cpuUtilPercent())).append(',').append(num(c.memoryMiB()));
                }
                w.write(b.append('\n').toString());
            }
        }
    }

    private static List<Sample> readTimeseries(Path file, List<String> colors) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                int i = 0;
                double t = dbl(f[i++]);
                double offered = dbl(f[i++]);
                long cumArrived = Long.parseLong(f[i++]);
                long cumCompleted = Long.parseLong(f[i++]);
                long cumFailed = Long.parseLong(f[i++]);
                long inFlight = Long.parseLong(f[i++]);
                long arrivals = Long.parseLong(f[i++]);
                long ok = Long.parseLong(f[i++]);
                long errors = Long.parseLong(f[i++]);
                double p50 = dbl(f[i++]);
                double p95 = dbl(f[i++]);
                double p99 = dbl(f[i++]);
                List<ColorSample> cs = new ArrayList<>(colors.size());
                for (String color : colors) {
                    cs.add(new ColorSample(color, Long.parseLong(f[i++]), Long.parseLong(f[i++]),
                            Long.parseLong(f[i++]), dbl(f[i++]), dbl(f[i++]), dbl(f[i++]), dbl(f[i++]),
                            Integer.parseInt(f[i++]), Integer.parseInt(f[i++]), Integer.parseInt(f[i++]),
                            dbl(f[i++]), dbl(f[i++]), dbl(f[i++])));
                }
                samples.add(new Sample(t, offered, cumArrived, cumCompleted, cumFailed, inFlight, arrivals, ok,
                        errors, p50, p95, p99, cs));
            }
        }
        return samples;
    }

    private static void writeEvents(Path file, List<RunEvent> events) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t_s,kind,source,target,value,detail\n");
            for (RunEvent e : events) {
                w.write(num(e.tSeconds()) + "," + e.kind() + "," + Csv.quote(e.source()) + "," + Csv.quote(e.target())
                        + "," + Csv.quote(e.value()) + "," + Csv.quote(e.detail()) + "\n");
            }
        }
    }

    private static List<RunEvent> readEvents(Path file) throws IOException {
        List<RunEvent> events = new ArrayList<>();
        for (List<String> f : Csv.read(file)) {
            events.add(new RunEvent(dbl(f.get(0)), RunEvent.Kind.valueOf(f.get(1)), f.get(2), f.get(3), f.get(4),
                    f.get(5)));
        }
        return events;
    }

    private static void writeQueries(Path file, List<QueryTiming> queries) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t_s,endpoint,wall_ms,llm_input_tokens,llm_output_tokens\n");
            for (QueryTiming q : queries) {
                w.write(num(q.tSeconds()) + "," + Csv.quote(q.endpoint()) + ","
                        + String.format(Locale.ROOT, "%.4f", q.wallMillis()) + "," + q.llmInputTokens() + ","
                        + q.llmOutputTokens() + "\n");
            }
        }
    }

    private static List<QueryTiming> readQueries(Path file) throws IOException {
        List<QueryTiming> queries = new ArrayList<>();
        for (List<String> f : Csv.read(file)) {
            queries.add(new QueryTiming(dbl(f.get(0)), f.get(1), dbl(f.get(2)), Long.parseLong(f.get(3)),
                    Long.parseLong(f.get(4))));
        }
        return queries;
    }

    /** Three decimals, no exponent, empty for NaN: stable across JVMs and locales. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : Decimals.trimmed(v, 3);
    }

    static double dbl(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
