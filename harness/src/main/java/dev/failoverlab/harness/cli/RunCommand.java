package dev.failoverlab.harness.cli;

import dev.failoverlab.harness.agent.AgentLearning;
import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.report.ConsoleTable;
import dev.failoverlab.harness.report.ReportResult;
import dev.failoverlab.harness.report.ReportWriter;
import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.run.ProgressBar;
import dev.failoverlab.harness.run.RawStore;
import dev.failoverlab.harness.run.SuiteRunner;
import dev.failoverlab.harness.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: scenarios × policies × seeds on a backend → a report folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs each scenario with each policy for each seed, writes the raw results, then renders summary.md, "
                    + "summary.json and index.html in the report folder.",
            "Each run gets its own backend instance fed the same load and faults; a (scenario, policy, seed) "
                    + "triple reproduces the same result on the simulator."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO",
            description = "Scenario files or folders of *.yaml (default: ${DEFAULT-VALUE}).", defaultValue = "scenarios")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = {"-p", "--policies"}, split = ",", paramLabel = "NAME",
            description = "Policies to compare, comma-separated (default: each scenario's list, else all: ${COMPLETION-CANDIDATES}).",
            completionCandidates = PolicyNames.class)
    List<String> policies = new ArrayList<>();

    @Option(names = {"-s", "--seeds"}, defaultValue = "5", description = "Seeds per scenario and policy (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", description = "First seed; seeds are consecutive (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = {"-b", "--backend"}, defaultValue = "sim",
            description = "Where to run: sim (embedded simulator, default).")
    String backend;

    @Option(names = {"-o", "--out"}, paramLabel = "FOLDER",
            description = "Report folder; must not exist or be empty (default: reports/run-<date>-<time>).")
    Path out;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N",
            description = "Runs at the same time (default: number of CPU cores).")
    Integer parallel;

    @Option(names = "--no-progress", negatable = false, description = "Do not draw the progress bar.")
    boolean noProgress;

    @Option(names = "--agent-store", paramLabel = "FILE",
            description = "Persist what the ai-agent learns in this JSON-lines episode store: every run starts from "
                    + "the rules stored there, its episodes are appended, and the rules are re-tuned after the suite.")
    Path agentStore;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (seeds < 1) {
            throw new UserError("--seeds must be at least 1, got " + seeds);
        }
        // Maven passes unset options as empty values: treat them as "not given"
        policies.removeIf(String::isBlank);
        if (out != null && out.toString().isBlank()) {
            out = null;
        }
        if (parallel != null && parallel <= 0) {
            parallel = null;
        }
        AgentLearning learning;
        try {
            learning = agentStore == null ? AgentLearning.inMemory() : AgentLearning.persistent(agentStore);
        } catch (RuntimeException e) {
            throw new UserError("cannot open the agent's learning store " + agentStore + ": " + e.getMessage());
        }
        try (learning) {
            return run(PolicyRegistry.standard(learning), learning, stdout);
        }
    }

    private Integer run(PolicyRegistry registry, AgentLearning learning, PrintWriter stdout)
            throws InterruptedException {
        for (String p : policies) {
            if (!registry.contains(p)) {
                throw new UserError("unknown policy '" + p + "' (known: " + String.join(", ", registry.names()) + ")");
            }
        }
        Backend backendImpl = Backends.create(backend);
        List<Scenario> loaded = Scenarios.load(scenarios, registry);
        Path target = out != null ? out : Path.of("reports", "run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        ReportFolder folder = ReportFolder.prepare(target);
        try {
            int workers = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
            SuiteRunner runner = new SuiteRunner(backendImpl, registry, new RawStore(folder.staging()), workers);
            List<SuiteRunner.Task> tasks = runner.plan(loaded, policies, seeds, firstSeed);
            folder.writeManifest(sourceFiles(loaded), Map.of(
                    "backend", backend, "seeds", Integer.toString(seeds), "firstSeed", Long.toString(firstSeed),
                    "policies", String.join(",", policies)));
            double simulated = tasks.stream().mapToDouble(t -> t.scenario().durationSeconds()).sum();
            stdout.printf(Locale.ROOT, "Running %d scenarios × policies × %d seeds = %d runs on '%s' with %d workers%n",
                    loaded.size(), seeds, tasks.size(), backend, workers);
            stdout.flush();
            ProgressBar bar = noProgress ? ProgressBar.silent()
                    : new ProgressBar(System.err, System.console() != null, simulated, tasks.size());
            SuiteRunner.Outcome outcome = runner.run(tasks, bar);
            ReportResult report = ReportWriter.render(folder.staging(), loaded);
            folder.commit();
            stdout.println();
            stdout.println(report.headline());
            stdout.print(ConsoleTable.suite(report));
            stdout.printf(Locale.ROOT,
                    "Simulated %,d requests (%,d events) in %.1f s wall: %.2f M events/s per worker; suite wall time %.1f s.%n",
                    outcome.requests(), outcome.events(), outcome.suiteWallSeconds(),
                    outcome.eventsPerCoreSecond() / 1e6, outcome.suiteWallSeconds());
            stdout.println("Report: " + folder.target().resolve("index.html"));
            if (learning.persistent()) {
                stdout.println(LearningSummary.afterSuite(learning));
            }
            return 0;
        } catch (RuntimeException | InterruptedException | Error e) {
            folder.abandon();
            throw e;
        }
    }

    private static Map<String, Path> sourceFiles(List<Scenario> scenarios) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            files.put(s.name(), Path.of(s.sourceFile()));
        }
        return files;
    }

    /** Lists registered policy names for --help. */
    static final class PolicyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PolicyRegistry.standard().names().iterator();
        }
    }
}
