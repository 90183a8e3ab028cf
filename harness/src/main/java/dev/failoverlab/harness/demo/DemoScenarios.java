package dev.failoverlab.harness.demo;

import dev.failoverlab.harness.policy.PolicyRegistry;
import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.scenario.ScenarioParser;
import dev.failoverlab.harness.sim.LiveLoad;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The cluster a demo runs: the built-in runbook setup or a scenario file, and the load it starts with. */
public final class DemoScenarios {
    /** The built-in setup, a scenario file on the class path beside this class. */
    public static final String BUILTIN = "runbook-demo.yaml";
    public static final double DEFAULT_RPS = 100;

    private DemoScenarios() {
    }

    /** The runbook's environment: web-blue 2 replicas active, web-green 1 replica standby, SLO p95 100 ms. */
    public static Scenario builtin() {
        try (InputStream in = DemoScenarios.class.getResourceAsStream(BUILTIN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in demo scenario " + BUILTIN + " is missing from the jar");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ScenarioParser(PolicyRegistry.standard()).parse(yaml, "builtin:" + BUILTIN, null);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in demo scenario " + BUILTIN, e);
        }
    }

    /** A scenario file; its faults play at their times, its load unless a rate is given. */
    public static Scenario file(Path path) {
        return new ScenarioParser(PolicyRegistry.standard()).parse(path);
    }

    /**
     * The load the demo starts with: {@code rps} when given; else a scenario file's own profile (played once, then
     * its last rate); else, for the built-in setup, {@value #DEFAULT_RPS} rps.
     */
    public static LiveLoad initialLoad(Scenario scenario, Double rps, boolean builtin) {
        if (rps != null) {
            return new LiveLoad.Constant(rps);
        }
        return builtin ? new LiveLoad.Constant(DEFAULT_RPS) : new LiveLoad.Profile(scenario.load());
    }
}
