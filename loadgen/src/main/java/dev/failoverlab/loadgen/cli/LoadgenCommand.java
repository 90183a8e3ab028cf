package dev.failoverlab.loadgen.cli;

import dev.failoverlab.loadgen.http.ArrivalProcess;
import dev.failoverlab.loadgen.http.LoadException;
import dev.failoverlab.loadgen.http.LoadGenerator;
import dev.failoverlab.loadgen.http.LoadListener;
import dev.failoverlab.loadgen.http.LoadOptions;
import dev.failoverlab.loadgen.http.LoadResult;
import dev.failoverlab.loadgen.http.LoadSummary;
import dev.failoverlab.loadgen.http.RunningLoad;
import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.loadgen.yaml.ProfileFile;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loadgen URL (--rate R | --ramp A:B) --duration D | --profile FILE [options]}. Exit 0 run, 2 bad input. */
@Command(name = "loadgen", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Open-loop HTTP GET load without coordinated omission: requests are due at times computed"
                + " from the run start; latency is measured from that intended time, so a stalled server shows in"
                + " the percentiles. A live line each second goes to stderr, the summary to stdout; Ctrl-C stops"
                + " and prints the summary so far (and writes --json/--csv).", ""},
        footer = {"", "Examples:",
            "  loadgen http://127.0.0.1:8080/ --rate 1000 --duration 20s",
            "  loadgen http://127.0.0.1:8080/ --ramp 50:800 --duration 5m --json run.json --csv run.csv",
            "  loadgen http://127.0.0.1:8080/ --profile flash-crowd.yaml --arrivals uniform",
            "", "Exit codes: 0 the run completed (errors are in the summary), 1 the run failed, 2 bad input."})
public final class LoadgenCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "URL", description = "Plain-http URL to GET, e.g. http://127.0.0.1:8080/ping")
    private String url;

    @Option(names = "--rate", paramLabel = "RPS", description = "Constant rate in requests/s for --duration, e.g. --rate 1000")
    private Double rate;

    @Option(names = "--ramp", paramLabel = "FROM:TO", description = "Linear ramp over --duration, e.g. --ramp 50:800")
    private String ramp;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of --rate or --ramp: 250ms, 20s, 5m, 1h30m, e.g. --duration 20s")
    private Duration duration;

    @Option(names = "--profile", paramLabel = "FILE", description = "YAML file with a top-level 'load:' list in the"
            + " scenario format (constant, ramp, step, spike, sine, replay; trace files relative to it),"
            + " e.g. --profile profile.yaml")
    private Path profile;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "32",
            description = "Keep-alive connections; a due request waits for a free one (default ${DEFAULT-VALUE}), e.g. --connections 64")
    private int connections;

    @Option(names = "--arrivals", paramLabel = "KIND", defaultValue = "poisson",
            description = "poisson (seeded, bursty, as the simulator) or uniform (1/rate apart) (default ${DEFAULT-VALUE}), e.g. --arrivals uniform")
    private ArrivalProcess arrivals;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the Poisson arrivals (default ${DEFAULT-VALUE}), e.g. --seed 7")
    private long seed;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Give up on a request (in flight or waiting for a connection) after this; counts as an error (default ${DEFAULT-VALUE}), e.g. --timeout 2s")
    private Duration timeout;

    @Option(names = "--late", paramLabel = "DURATION", defaultValue = "10ms", converter = DurationConverter.class,
            description = "A request sent this much after its intended time counts as late (default ${DEFAULT-VALUE}), e.g. --late 5ms")
    private Duration late;

    @Option(names = "--send-quantum", paramLabel = "DURATION", defaultValue = "0ms",
            converter = DurationConverter.class,
            description = "Send the requests due so far in bursts at this interval instead of each when due (default"
                    + " ${DEFAULT-VALUE}: precise); at tens of thousands of requests/s, 1ms saves the server wake-ups;"
                    + " the wait is in the latency; at most 10ms, e.g. --send-quantum 1ms")
    private Duration sendQuantum;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON summary here, e.g. --json run.json")
    private Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write per-second rows and a total row here, e.g. --csv run.csv")
    private Path csv;

    @Option(names = "--quiet", description = "No live line each second (the summary is still printed)")
    private boolean quiet;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean shutdownHook;

    /** {@code shutdownHook}: stop and summarise on Ctrl-C (the real CLI); tests run without one. */
    public LoadgenCommand(PrintStream out, PrintStream err, boolean shutdownHook) {
        this.out = out;
        this.err = err;
        this.shutdownHook = shutdownHook;
    }

    /** Parses and runs; returns the exit code. Bad input prints exactly one line on stderr. */
    public int execute(String... args) {
        CommandLine cli = new CommandLine(this);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> badInput(oneLine(e.getMessage()) + " (see loadgen --help)"));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof BadInput || e instanceof LoadException || e instanceof YamlFileException
                    || e instanceof IllegalArgumentException) {
                return badInput(oneLine(e.getMessage()));
            }
            throw e;
        });
        return cli.execute(args);
    }

    private int badInput(String message) {
        err.println("loadgen: " + message);
        return BAD_INPUT;
    }

    @Override
    public Integer call() {
        LoadOptions options = new LoadOptions(parseUrl(), loadProfile(), connections, arrivals, seed, timeout, late,
                sendQuantum);
        checkOutputDirectory("--json", json);
        checkOutputDirectory("--csv", csv);
        LoadListener live = quiet ? LoadListener.NONE : r -> err.println(LiveLine.format(r));
        RunningLoad running = LoadGenerator.start(options, live);
        if (!quiet) {
            err.println("loadgen: " + describe(options) + "; Ctrl-C stops and prints the summary so far");
        }
        CountDownLatch summarised = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            running.stop();
            try {
                summarised.await(15, TimeUnit.SECONDS); // let main print and write the files before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loadgen-ctrl-c");
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            LoadResult result;
            try {
                result = running.await();
            } catch (LoadException e) {
                err.println("loadgen: " + oneLine(e.getMessage()));
                return 1;
            }
            out.print(LoadSummary.text(result));
            out.flush();
            return write(options, result);
        } finally {
            summarised.countDown();
            if (shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for the latch counted down above
                }
            }
        }
    }

    private int write(LoadOptions options, LoadResult result) {
        try {
            if (json != null) {
                Files.writeString(json, LoadSummary.json(options, result), StandardCharsets.UTF_8);
            }
            if (csv != null) {
                Files.writeString(csv, LoadSummary.csv(result), StandardCharsets.UTF_8);
            }
            return 0;
        } catch (IOException e) {
            err.println("loadgen: cannot write the summary: " + e);
            return 1;
        }
    }

    private URI parseUrl() {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new BadInput("malformed URL '" + url + "': expected http://HOST[:PORT]/PATH, e.g. http://127.0.0.1:8080/");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInput("malformed URL '" + url + "': " + e.getMessage()
                    + " (expected e.g. http://127.0.0.1:8080/)");
        }
    }

    private LoadProfile loadProfile() {
        int given = (rate != null ? 1 : 0) + (ramp != null ? 1 : 0) + (profile != null ? 1 : 0);
        if (given != 1) {
            throw new BadInput((given == 0 ? "no load given" : "give only one of --rate, --ramp, --profile")
                    + ": use --rate RPS --duration D, --ramp FROM:TO --duration D, or --profile FILE");
        }
        if (profile != null) {
            if (duration != null) {
                throw new BadInput("--duration does not apply to --profile: the file's segments set the length");
            }
            return ProfileFile.read(profile);
        }
        if (duration == null || duration.isZero()) {
            throw new BadInput((rate != null ? "--rate" : "--ramp") + " needs --duration > 0, e.g. --duration 20s");
        }
        double seconds = duration.toMillis() / 1000.0;
        if (rate != null) {
            requireRate("--rate", rate);
            return new LoadProfile(List.of(new LoadSegment.Constant(rate, seconds)));
        }
        String[] parts = ramp.split(":", -1);
        if (parts.length != 2) {
            throw new BadInput("--ramp: expected FROM:TO in requests/s, e.g. --ramp 50:800, got '" + ramp + "'");
        }
        double from = rampNumber(parts[0]);
        double to = rampNumber(parts[1]);
        return new LoadProfile(List.of(new LoadSegment.Ramp(from, to, seconds)));
    }

    private double rampNumber(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            requireRate("--ramp", v);
            return v;
        } catch (NumberFormatException e) {
            throw new BadInput("--ramp: expected FROM:TO in requests/s, e.g. --ramp 50:800, got '" + ramp + "'");
        }
    }

    private static void requireRate(String option, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new BadInput(option + ": expected a rate >= 0 in requests/s, got " + v);
        }
    }

    private static void checkOutputDirectory(String option, Path file) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new BadInput(option + ": directory " + dir + " does not exist (create it or pick another file)");
        }
    }

    private static String describe(LoadOptions o) {
        String load = o.profile().segments().stream().map(LoadSegment::describe).collect(Collectors.joining(", then "));
        return String.format(Locale.ROOT, "%s against %s over %d connections (%s arrivals%s)", load, o.target(),
                o.connections(), o.arrivals().name().toLowerCase(Locale.ROOT),
                o.arrivals() == ArrivalProcess.POISSON ? ", seed " + o.seed() : "");
    }

    private static String oneLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    /** Input the user must fix: reported as one line with exit code 2. */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    /** Durations as in scenario files: 250ms, 20s, 5m, 1h30m. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.tryParse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "expected a duration like 250ms, 20s, 5m or 1h30m, got '" + value + "'"));
        }
    }
}
