package dev.failoverlab.agent.brain;

import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.learn.EpisodeKind;
import dev.failoverlab.agent.learn.EpisodeLog;
import dev.failoverlab.agent.learn.Observations;
import dev.failoverlab.agent.learn.OutcomeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges episodes from the agent's own later observations (the {@code observation} episodes each query records):
 * what actually happened between an episode's time and its due time. Needs at least {@value #MIN_OBSERVATIONS}
 * observations in that window with the relevant colour carrying traffic; otherwise the outcome stays unknown.
 * <ul>
 *   <li>forecast: CPU utilisation of any colour above the configured target at any observation → 1; peaks.</li>
 *   <li>health (subject colour): any observation with its p95 above the SLO or error rate above the SLO → 1.</li>
 *   <li>failover (subject = target colour): every observation of the target while it carried traffic met the
 *       SLO → {@code target_slo_met} 1; the colour traffic came from (label {@code source}) violated the SLO while
 *       it still carried traffic → {@code source_slo_violated}.</li>
 * </ul>
 */
public final class ObservationOutcomes implements OutcomeSource {
    static final int MIN_OBSERVATIONS = 2;
    private final EpisodeLog log;
    private final AgentConfig config;

    public ObservationOutcomes(EpisodeLog log, AgentConfig config) {
        this.log = log;
        this.config = config;
    }

    @Override
    public Map<String, Double> outcome(Episode e) {
        List<Map<String, Double>> window = observations(e.at(), e.dueAt());
        if (window.size() < MIN_OBSERVATIONS) {
            return Map.of();
        }
        return switch (e.kind()) {
            case "forecast" -> forecast(window);
            case "health" -> health(e.subject(), window);
            case "failover" -> failover(e, window);
            default -> Map.of();
        };
    }

    private List<Map<String, Double>> observations(Instant from, Instant to) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (Episode o : log.all()) {
            if (o.kind().equals(EpisodeKind.OBSERVATION.label()) && o.at().isAfter(from) && !o.at().isAfter(to)) {
                out.add(o.observed());
            }
        }
        return out;
    }

    private Map<String, Double> forecast(List<Map<String, Double>> window) {
        double peakCpu = Double.NaN;
        double peakRps = Double.NaN;
        for (Map<String, Double> o : window) {
            double rps = 0;
            boolean any = false;
            for (var entry : o.entrySet()) {
                if (entry.getKey().endsWith("." + Observations.CPU_UTILIZATION)) {
                    peakCpu = Double.isNaN(peakCpu) ? entry.getValue() : Math.max(peakCpu, entry.getValue());
                } else if (entry.getKey().endsWith("." + Observations.RPS)) {
                    rps += entry.getValue();
                    any = true;
                }
            }
            if (any) {
                peakRps = Double.isNaN(peakRps) ? rps : Math.max(peakRps, rps);
            }
        }
        if (Double.isNaN(peakCpu)) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(EpisodeKind.CPU_ABOVE_TARGET, peakCpu > config.scaleUpCpuTarget() ? 1.0 : 0.0);
        out.put(EpisodeKind.PEAK_CPU, peakCpu);
        if (!Double.isNaN(peakRps)) {
            out.put(EpisodeKind.PEAK_RPS, peakRps);
        }
        return out;
    }

    private Map<String, Double> health(String color, List<Map<String, Double>> window) {
        int seen = 0;
        boolean violated = false;
        for (Map<String, Double> o : window) {
            Boolean v = violates(color, o);
            if (v != null) {
                seen++;
                violated |= v;
            }
        }
        return seen < MIN_OBSERVATIONS ? Map.of() : Map.of(EpisodeKind.SLO_VIOLATED, violated ? 1.0 : 0.0);
    }

    private Map<String, Double> failover(Episode e, List<Map<String, Double>> window) {
        String target = e.subject();
        String source = e.labels().get("source");
        int seenTarget = 0;
        boolean targetOk = true;
        int seenSource = 0;
        boolean sourceViolated = false;
        for (int i = 0; i < window.size(); i++) {
            // every observation in which a colour carried traffic counts: a canary rolled back after one scrape
            // interval is seen by one observation only, and its failure is exactly what the learner must see
            Boolean t = violates(target, window.get(i));
            if (t != null) {
                seenTarget++;
                targetOk &= !t;
            }
            if (source != null) {
                Boolean s = violates(source, window.get(i));
                if (s != null) {
                    seenSource++;
                    sourceViolated |= s;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (seenTarget > 0) {
            out.put(EpisodeKind.TARGET_SLO_MET, targetOk ? 1.0 : 0.0);
        }
        if (seenSource > 0) {
            out.put(EpisodeKind.SOURCE_SLO_VIOLATED, sourceViolated ? 1.0 : 0.0);
        }
        return out.size() == 2 ? out : Map.of();
    }

    /** Whether {@code color} violated the SLO in one observation; null when it carried no traffic then. */
    private Boolean violates(String color, Map<String, Double> o) {
        Double rps = o.get(color + "." + Observations.RPS);
        if (rps == null || rps <= 0) {
            return null;
        }
        Double p95 = o.get(color + "." + Observations.P95_MS);
        Double errors = o.get(color + "." + Observations.ERROR_RATE);
        return (p95 != null && p95 > config.slo().latencyP95Ms())
                || (errors != null && errors > config.slo().errorRate());
    }
}
