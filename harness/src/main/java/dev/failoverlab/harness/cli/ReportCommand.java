package dev.failoverlab.harness.cli;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.report.ConsoleTable;
import dev.failoverlab.harness.report.ReportResult;
import dev.failoverlab.harness.report.ReportWriter;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import dev.failoverlab.harness.scenario.ScenarioParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report}: re-renders a report folder from its raw files, without re-running anything. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-renders summary.md, summary.json, index.html and charts of a report folder from its raw "
                + "files (raw/, scenarios/, manifest.properties), e.g. after changing the report format.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", description = "A report folder written by 'run'.")
    Path folder;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new UserError("report folder not found: " + folder);
        }
        Path manifestFile = folder.resolve(ReportFolder.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new UserError("not a report folder (no " + ReportFolder.MANIFEST + "): " + folder);
        }
        Properties manifest = new Properties();
        try (Reader r = Files.newBufferedReader(manifestFile, StandardCharsets.UTF_8)) {
            manifest.load(r);
        } catch (IOException e) {
            throw new UserError("cannot read " + manifestFile + ": " + e.getMessage());
        }
        ScenarioParser parser = new ScenarioParser(PolicyRegistry.standard());
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : ReportFolder.scenarioNames(folder)) {
            Path copy = folder.resolve(ReportFolder.SCENARIOS).resolve(name + ".yaml");
            String sourceDir = manifest.getProperty("scenario." + name + ".sourceDir");
            // relative paths in the scenario (trace files) resolve against where it was run from
            Path baseDir = sourceDir != null && Files.isDirectory(Path.of(sourceDir)) ? Path.of(sourceDir) : copy.getParent();
            try {
                scenarios.add(parser.parse(Files.readString(copy, StandardCharsets.UTF_8), copy.toString(), baseDir));
            } catch (IOException e) {
                throw new UserError("cannot read " + copy + ": " + e.getMessage());
            } catch (YamlFileException e) {
                throw new UserError(e.getMessage());
            }
        }
        ReportResult result = ReportWriter.render(folder, scenarios);
        spec.commandLine().getOut().println(result.headline());
        spec.commandLine().getOut().print(ConsoleTable.suite(result));
        spec.commandLine().getOut().println("Report: " + folder.toAbsolutePath().normalize().resolve("index.html"));
        return 0;
    }
}
