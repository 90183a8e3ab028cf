package dev.failoverlab.harness.cli;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import dev.failoverlab.harness.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads scenario files and folders for the commands, turning every problem into a one-line {@link UserError}. */
final class Scenarios {
    private Scenarios() {
    }

    static List<Scenario> load(List<Path> paths, PolicyRegistry registry) {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UserError("scenario file or folder not found: " + p);
            }
        }
        try {
            List<Scenario> scenarios = new ScenarioParser(registry).parseAll(paths);
            if (scenarios.isEmpty()) {
                throw new UserError("no scenario files (*.yaml) in " + paths);
            }
            return scenarios;
        } catch (YamlFileException e) {
            throw new UserError(e.getMessage());
        }
    }
}
