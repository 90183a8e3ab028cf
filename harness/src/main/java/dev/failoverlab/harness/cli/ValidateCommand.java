package dev.failoverlab.harness.cli;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.loadgen.yaml.Durations;
import dev.failoverlab.harness.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate}: parses scenario files and reports the first error of each, or a one-line summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks scenario files without running them; errors read file:line:column: field: message.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", defaultValue = "scenarios",
            description = "Scenario files or folders of *.yaml (default: ${DEFAULT-VALUE}).")
    List<Path> scenarios = new ArrayList<>();

    @Override
    public Integer call() {
        List<Scenario> loaded = Scenarios.load(scenarios, PolicyRegistry.standard());
        for (Scenario s : loaded) {
            spec.commandLine().getOut().printf(Locale.ROOT, "ok  %-20s %6s  %d load segments, %d faults, %d expectations, %d agent queries%n",
                    s.name(), Durations.format(s.duration()), s.load().segments().size(), s.faults().size(),
                    s.expect().size(), s.queries().size());
        }
        return 0;
    }
}
