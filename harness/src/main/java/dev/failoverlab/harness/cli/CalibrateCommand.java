package dev.failoverlab.harness.cli;

import dev.failoverlab.harness.calibrate.Calibration;
import dev.failoverlab.harness.calibrate.CalibrationFile;
import dev.failoverlab.harness.calibrate.SimWorkloadProbe;
import dev.failoverlab.loadgen.http.LoadException;
import dev.failoverlab.loadgen.yaml.Durations;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calibrate}: fits the simulator's workload model to the real workload and shows how close it comes. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {
            "Starts the real workload as a child JVM (or uses --target), drives it with the load generator at three "
                    + "or more constant rates and once with SLOW_REQUESTS, fits the simulator's workload model "
                    + "(cpuPerRequestMs, cpuCv, baseLatencyMs, slowDelayMs, concurrency), writes it to --out for "
                    + "scenarios (workload: {calibration: FILE}), and prints real against simulated p95 latency and "
                    + "CPU at each rate with a verdict against the 20 %% fidelity target. Takes about 1.5 minutes."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rates", split = ",", paramLabel = "RPS",
            description = "Constant rates to measure, at least 3 (default: 15, 35 and 60 %% of the machine's cores,"
                    + " sized by the warm-up).")
    List<Double> rates = new ArrayList<>();

    @Option(names = "--duration", defaultValue = "10s", paramLabel = "DURATION",
            description = "Undisturbed measuring time of each level, e.g. 10s or 1m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "8s", paramLabel = "DURATION",
            description = "First run, before any level: JIT warm-up of both JVMs (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--work-ms", defaultValue = "1.0",
            description = "The workload's WORK_MS: mean CPU ms per request (default: ${DEFAULT-VALUE}).")
    double workMs;

    @Option(names = "--work-cv", defaultValue = "1.0",
            description = "The workload's WORK_CV: variation of that demand (default: ${DEFAULT-VALUE}).")
    double workCv;

    @Option(names = "--threads", defaultValue = "100",
            description = "The workload's THREADS (with --target: the target's) (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--slow-percent", defaultValue = "20",
            description = "SLOW_REQUESTS of the slow run, 10..100; 0 skips it (default: ${DEFAULT-VALUE}).")
    double slowPercent;

    @Option(names = "--slow-delay-ms", defaultValue = "700",
            description = "SLOW_DELAY_MS of the slow run (default: ${DEFAULT-VALUE}).")
    long slowDelayMs;

    @Option(names = "--target", paramLabel = "URL",
            description = "A running workload to measure instead of starting one, e.g. http://127.0.0.1:8080/"
                    + " (no slow run: its SLOW_REQUESTS cannot be set from here).")
    String target;

    @Option(names = "--connections", defaultValue = "128",
            description = "The load generator's connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--cores", paramLabel = "N",
            description = "Cores the workload can use: the simulated pod's CPU (default: this machine's).")
    Double cores;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the arrivals and the simulator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "calibration/workload.yaml",
            description = "Where to write the fitted model (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        Calibration.Settings settings = settings();
        PrintWriter stdout = spec.commandLine().getOut();
        Calibration.Outcome outcome;
        try {
            outcome = new Calibration(settings, stdout::println).run();
        } catch (LoadException e) {
            throw new UserError(e.getMessage());
        }
        String text = CalibrationFile.render(outcome.fit(), outcome.levels(), outcome.slowRun(),
                settings.slowPercent(), new CalibrationFile.Provenance(Instant.now(), hostName(), outcome.how()));
        try {
            CalibrationFile.write(out, text);
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
        stdout.println();
        stdout.print(outcome.fidelity().text());
        stdout.println("wrote " + out + " (use it in a scenario: workload: {calibration: <path relative to the"
                + " scenario>})");
        return 0;
    }

    private Calibration.Settings settings() {
        Duration level = duration("--duration", duration);
        Duration warm = duration("--warmup", warmup);
        if (warm.toMillis() < 1000) {
            throw new UserError("--warmup must be at least 1s, got " + warmup);
        }
        if (level.toMillis() < 2000) {
            throw new UserError("--duration must be at least 2s (a level needs a few thousand requests), got "
                    + duration);
        }
        if (!rates.isEmpty() && (rates.stream().distinct().count() < 3
                || rates.stream().anyMatch(r -> !(r > 0) || r.isInfinite()))) {
            throw new UserError("--rates needs at least 3 different rates > 0 in requests/s, e.g."
                    + " --rates 200,500,900; got " + rates);
        }
        positive("--work-ms", workMs);
        if (!(workCv >= 0) || Double.isInfinite(workCv)) {
            throw new UserError("--work-cv must be >= 0 (0 fixed, 1 exponential), got " + workCv);
        }
        if (threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        if (slowPercent != 0 && !(slowPercent >= 10 && slowPercent <= 100)) {
            throw new UserError("--slow-percent must be 10..100 (its p95 must lie among the slow requests) or 0 to"
                    + " skip the slow run, got " + number(slowPercent));
        }
        if (slowDelayMs < 1) {
            throw new UserError("--slow-delay-ms must be at least 1, got " + slowDelayMs);
        }
        if (connections < 1 || connections > 10_000) {
            throw new UserError("--connections must be 1..10000, got " + connections);
        }
        double machineCores = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        positive("--cores", machineCores);
        // the whole command line as typed ("calibrate" and its options), for the file's header
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return new Calibration.Settings(rates.stream().sorted().distinct().toList(), level, warm, workMs, workCv,
                threads, slowPercent, slowDelayMs, targetUri(), connections, machineCores, seed,
                SimWorkloadProbe.DEFAULT_SECONDS, ("failover-lab " + String.join(" ", args)).strip());
    }

    private URI targetUri() {
        if (target == null) {
            return null;
        }
        try {
            URI uri = new URI(target);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UserError("--target must be an http URL with a host, e.g. http://127.0.0.1:8080/, got '"
                        + target + "'");
            }
            return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
        } catch (URISyntaxException e) {
            throw new UserError("--target is not a URL (" + e.getReason() + "): '" + target + "'");
        }
    }

    private static void positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserError(option + " must be > 0, got " + number(value));
        }
    }

    private static Duration duration(String option, String text) {
        return Durations.tryParse(text).orElseThrow(() -> new UserError(
                String.format(Locale.ROOT, "%s expects a duration like 12s or 1m, got '%s'", option, text)));
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }

    /** Numbers in messages as the user wrote them: 20, not 20.0. */
    private static String number(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }
}
