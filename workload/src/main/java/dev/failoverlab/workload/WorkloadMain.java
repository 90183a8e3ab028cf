package dev.failoverlab.workload;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the workload from environment variables (see {@link WorkloadConfig}). On start it prints one line to stdout,
 * {@code listening on port <N> (COLOR=... )}, which a launcher with PORT=0 reads the port from. SIGTERM drains
 * (readiness fails, in-flight requests finish for up to DRAIN_SECONDS) and exits 0. A bad environment value prints
 * one line to stderr and exits 2; a port that cannot be bound exits 1.
 */
public final class WorkloadMain {

    static final int EXIT_OK = 0;
    static final int EXIT_CANNOT_LISTEN = 1;
    static final int EXIT_USAGE = 2;

    private WorkloadMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err, WorkloadMain::drainOnShutdown);
        if (code != EXIT_OK) {
            System.exit(code);
        }
        // the HTTP server's dispatcher thread keeps the JVM alive until the shutdown hook stops it
    }

    /**
     * Starts the workload and hands the running server to {@code lifecycle} (production: the SIGTERM hook; tests:
     * their own close).
     *
     * @return the exit code: 0 when serving, 2 for bad arguments or environment, 1 when the port cannot be bound
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                   Consumer<WorkloadServer> lifecycle) {
        if (args.length > 0) {
            err.println("workload: takes no arguments (got '" + String.join(" ", args)
                    + "'); configure it with environment variables: " + String.join(" ", envNames()));
            return EXIT_USAGE;
        }
        WorkloadConfig config;
        try {
            config = WorkloadConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            err.println("workload: " + e.getMessage());
            return EXIT_USAGE;
        }
        WorkloadServer server;
        try {
            server = WorkloadServer.start(config);
        } catch (UncheckedIOException e) {
            err.println("workload: " + e.getMessage() + " (set PORT to a free port, or 0 for any)");
            return EXIT_CANNOT_LISTEN;
        }
        lifecycle.accept(server);
        out.println("listening on port " + server.port() + " (" + config.withPort(server.port()).describe() + ")");
        return EXIT_OK;
    }

    private static String[] envNames() {
        return new String[] {WorkloadConfig.COLOR, WorkloadConfig.PORT, WorkloadConfig.WORK_MS,
            WorkloadConfig.WORK_CV, WorkloadConfig.SLOW_REQUESTS, WorkloadConfig.SLOW_DELAY_MS,
            WorkloadConfig.RANDOM_ERRORS, WorkloadConfig.THREADS, WorkloadConfig.WARMUP_SECONDS,
            WorkloadConfig.DRAIN_SECONDS, WorkloadConfig.SEED};
    }

    /**
     * SIGTERM (what Kubernetes sends) runs shutdown hooks; this one drains. The JVM would then exit with 143; the
     * drain is the orderly end of the process, so the hook halts with 0 (nothing else in this JVM needs a hook).
     */
    private static void drainOnShutdown(WorkloadServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Duration timeout = Duration.ofNanos(Math.round(server.config().drainSeconds() * 1e9));
            long start = System.nanoTime();
            System.out.println(String.format(Locale.ROOT, "draining: %d requests in flight, waiting up to %.1f s",
                    server.pendingRequests(), timeout.toNanos() / 1e9));
            boolean finished = server.drain(timeout);
            System.out.println(String.format(Locale.ROOT, "%s after %.3f s",
                    finished ? "drained" : "drain timed out, cut off the rest", (System.nanoTime() - start) / 1e9));
            System.out.flush();
            Runtime.getRuntime().halt(EXIT_OK);
        }, "workload-drain"));
    }
}
