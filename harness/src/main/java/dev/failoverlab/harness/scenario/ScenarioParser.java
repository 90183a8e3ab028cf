package dev.failoverlab.harness.scenario;

import dev.failoverlab.loadgen.yaml.YamlNode;
import dev.failoverlab.loadgen.yaml.SourceLocation;
import dev.failoverlab.loadgen.yaml.LoadReader;
import dev.failoverlab.loadgen.yaml.YamlFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Parses scenario files (format: {@code scenarios/README.md}) into {@link Scenario}s. SnakeYAML composes a
 * node tree with a start mark on every node, so every mistake is reported as {@code file:line:column:
 * field.path: message} at the offending key or value, with the allowed keys or the expected form.
 */
public final class ScenarioParser {
    /** Top-level keys in documentation order (the order error messages list them in). */
    static final List<String> TOP_KEYS = List.of("name", "description", "duration", "cluster", "workload",
            "pricing", "slo", "budget", "context", "load", "faults", "policies", "settings", "expect", "queries");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final PolicyCatalog catalog;

    public ScenarioParser(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    /** Parses one file; relative paths inside it (a replay trace) resolve against the file's folder. */
    public Scenario parse(Path file) {
        return parseWithName(file).scenario();
    }

    /**
     * Parses YAML text. {@code displayName} appears in error locations; {@code baseDir} resolves relative
     * paths inside the scenario (null means the working directory).
     */
    public Scenario parse(String yaml, String displayName, Path baseDir) {
        return read(yaml, displayName, baseDir == null ? Path.of("") : baseDir).scenario();
    }

    /**
     * Parses files and folders in order; a folder contributes its {@code *.yaml} files sorted by name. A file
     * named twice is parsed once; two scenarios with the same name are an error naming both files.
     */
    public List<Scenario> parseAll(List<Path> filesOrDirs) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : filesOrDirs) {
            if (Files.isDirectory(path)) {
                List<Path> yamls = yamlFiles(path);
                if (yamls.isEmpty()) {
                    throw new YamlFileException(new SourceLocation(path.toString(), 1, 1), "",
                            "the folder holds no *.yaml scenario files");
                }
                files.addAll(yamls);
            } else {
                files.add(path);
            }
        }
        Map<String, SourceLocation> seen = new HashMap<>();
        Set<Path> parsed = new LinkedHashSet<>();
        List<Scenario> result = new ArrayList<>();
        for (Path file : files) {
            if (!parsed.add(file.toAbsolutePath().normalize())) {
                continue;
            }
            Parsed p = parseWithName(file);
            SourceLocation first = seen.putIfAbsent(p.scenario().name(), p.nameLocation());
            if (first != null) {
                throw new YamlFileException(p.nameLocation(), "name", "scenario name '" + p.scenario().name()
                        + "' is already used by " + first + "; scenario names must be unique");
            }
            result.add(p.scenario());
        }
        return result;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new YamlFileException(new SourceLocation(dir.toString(), 1, 1), "",
                    "cannot list the folder: " + e.getMessage());
        }
    }

    private Parsed parseWithName(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new YamlFileException(new SourceLocation(file.toString(), 1, 1), "",
                    "cannot read the scenario file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return read(yaml, file.toString(), dir);
    }

    /** A scenario and where its name is written (for the duplicate-name error). */
    private record Parsed(Scenario scenario, SourceLocation nameLocation) {
    }

    private Parsed read(String yaml, String displayName, Path baseDir) {
        YamlNode root = YamlNode.compose(yaml, displayName);
        root.forbidUnknownKeys(TOP_KEYS);
        YamlNode nameNode = root.require("name");
        String name = nameNode.asString();
        if (!NAME.matcher(name).matches()) {
            throw nameNode.error("'" + name + "' is not a valid scenario name (lower-case letters, digits and"
                    + " single '-' between them, e.g. nuanced-failure)");
        }
        String description = root.optionalString("description", "");
        YamlNode durationNode = root.require("duration");
        Duration duration = durationNode.asDuration();
        if (duration.isZero()) {
            throw durationNode.error("duration must be > 0");
        }
        ClusterSpec cluster = root.get("cluster").map(ClusterReader::read).orElseGet(ClusterReader::defaults);
        WorkloadSpec workload = root.get("workload").map(w -> ParameterSections.workload(w, baseDir)).orElse(WorkloadSpec.DEFAULTS);
        Pricing pricing = root.get("pricing").map(ParameterSections::pricing).orElse(Pricing.DEFAULTS);
        Slo slo = root.get("slo").map(ParameterSections::slo).orElse(Slo.DEFAULTS);
        Budget budget = root.get("budget").map(ParameterSections::budget).orElse(Budget.NONE);
        Map<String, String> context = root.get("context").map(ParameterSections::context).orElse(Map.of());
        var load = new LoadReader(baseDir).read(root.require("load"), duration);
        List<FaultSpec> faults = root.get("faults").map(f -> new FaultReader(cluster, duration).read(f))
                .orElse(List.of());
        PolicySection policySection = new PolicySection(catalog);
        List<String> policies = root.get("policies").map(policySection::policies).orElse(List.of());
        Map<String, Settings> settings = root.get("settings").map(policySection::settings).orElse(Map.of());
        List<Expectation> expect = root.get("expect")
                .map(e -> new ExpectationReader(cluster, duration, budget).read(e)).orElse(List.of());
        List<ScriptedQuery> queries = root.get("queries").map(q -> QueryReader.read(q, duration)).orElse(List.of());
        Scenario scenario = new Scenario(name, description, displayName, duration, cluster, workload, pricing, slo,
                context, load, faults, policies, settings, expect, budget, queries);
        return new Parsed(scenario, nameNode.location());
    }
}
