package dev.failoverlab.harness.run;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs scenarios × policies × seeds on one backend, in parallel, writing each run's raw recording as soon as it
 * finishes. The plan is fixed before the first run starts, so progress is exact and a bad policy name fails
 * before any work is done.
 */
public final class SuiteRunner {
    private final Backend backend;
    private final PolicyRegistry policies;
    private final RawStore store;
    private final int parallelism;

    public SuiteRunner(Backend backend, PolicyRegistry policies, RawStore store, int parallelism) {
        this.backend = backend;
        this.policies = policies;
        this.store = store;
        this.parallelism = Math.max(1, parallelism);
    }

    /** One planned run. */
    public record Task(Scenario scenario, String policy, long seed) {
        RunKey key() {
            return new RunKey(scenario.name(), policy, seed);
        }
    }

    /**
     * The runs to do: for each scenario, {@code policyOverride} if not empty, else the scenario's own list, else
     * every registered policy; seeds {@code firstSeed .. firstSeed + seeds - 1}.
     */
    public List<Task> plan(List<Scenario> scenarios, List<String> policyOverride, int seeds, long firstSeed) {
        List<Task> tasks = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<String> names = !policyOverride.isEmpty() ? policyOverride
                    : !scenario.policies().isEmpty() ? scenario.policies() : policies.names();
            for (String name : names) {
                policies.get(name); // fail fast on an unknown name
                for (int i = 0; i < seeds; i++) {
                    tasks.add(new Task(scenario, name, firstSeed + i));
                }
            }
        }
        return tasks;
    }

    /** Summary of a finished suite: totals for the console and performance figures. */
    public record Outcome(int runs, long requests, long events, double runWallSeconds, double suiteWallSeconds) {
        /** Simulated events per wall second of one worker (sum over runs of events ÷ sum of run wall time). */
        public double eventsPerCoreSecond() {
            return runWallSeconds > 0 ? events / runWallSeconds : 0;
        }
    }

    public Outcome run(List<Task> tasks, ProgressBar progress) throws InterruptedException {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "run-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunStats>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> runOne(task, progress)));
            }
            long requests = 0;
            long events = 0;
            double wall = 0;
            for (int i = 0; i < futures.size(); i++) {
                RunStats stats;
                try {
                    stats = futures.get(i).get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    Throwable cause = e.getCause();
                    throw new RunFailedException(tasks.get(i).key(), cause);
                }
                requests += stats.requests();
                events += stats.events();
                wall += stats.wallSeconds();
            }
            return new Outcome(tasks.size(), requests, events, wall, (System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private RunStats runOne(Task task, ProgressBar progress) {
        ProgressBar.Slot slot = progress.slot(task.scenario().durationSeconds());
        RunRecording recording = backend.run(task.scenario(), policies.get(task.policy()), task.seed(), slot::advancedTo);
        store.write(recording);
        slot.done();
        return recording.stats();
    }

    /** A run failed: names the run and keeps the cause. */
    public static final class RunFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunFailedException(RunKey key, Throwable cause) {
            super("run " + key + " failed: " + cause, cause);
        }
    }
}
