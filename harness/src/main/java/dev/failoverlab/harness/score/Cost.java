package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.QueryTiming;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.DeploymentSpec;
import dev.failoverlab.harness.scenario.Pricing;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run cost: pod-seconds per colour priced by the pod's CPU and memory requests, plus LLM tokens.
 *
 * @param podSecondsByColour   integral of existing pods over the run, per colour
 * @param computeDollarsByColour podSeconds × (cores × $/vCPU-h + GiB × $/GiB-h) / 3600, per colour
 * @param runSeconds           length of the run (end of the last sample)
 */
public record Cost(Map<String, Double> podSecondsByColour, Map<String, Double> computeDollarsByColour,
                   long llmInputTokens, long llmOutputTokens, double llmDollars, double runSeconds) {
    private static final double GIB = 1024.0 * 1024 * 1024;

    public Cost {
        podSecondsByColour = Map.copyOf(podSecondsByColour);
        computeDollarsByColour = Map.copyOf(computeDollarsByColour);
    }

    public static Cost of(RunRecording run, Scenario scenario) {
        Pricing pricing = scenario.pricing();
        Map<String, Double> podSeconds = new LinkedHashMap<>();
        Map<String, Double> dollars = new LinkedHashMap<>();
        for (String colour : run.colors()) {
            double sum = 0;
            for (Sample s : run.samples()) {
                sum += s.color(colour).podSeconds();
            }
            DeploymentSpec d = scenario.cluster().byColor(colour);
            double perPodHour = d.cpuMillis() / 1000.0 * pricing.vcpuHour() + d.memoryBytes() / GIB * pricing.gibHour();
            podSeconds.put(colour, sum);
            dollars.put(colour, sum * perPodHour / 3600.0);
        }
        long in = 0;
        long out = 0;
        for (QueryTiming q : run.queries()) {
            in += q.llmInputTokens();
            out += q.llmOutputTokens();
        }
        double llm = in / 1e6 * pricing.llmInputPer1M() + out / 1e6 * pricing.llmOutputPer1M();
        double runSeconds = run.samples().isEmpty() ? 0 : run.samples().get(run.samples().size() - 1).tSeconds();
        return new Cost(podSeconds, dollars, in, out, llm, runSeconds);
    }

    public double computeDollars() {
        double sum = 0;
        for (double d : computeDollarsByColour.values()) {
            sum += d;
        }
        return sum;
    }

    public double totalDollars() {
        return computeDollars() + llmDollars;
    }

    /** Total cost scaled to one hour of the same behaviour; NaN for an empty run. */
    public double dollarsPerHour() {
        return runSeconds > 0 ? totalDollars() * 3600.0 / runSeconds : Double.NaN;
    }
}
