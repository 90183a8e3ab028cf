package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.DeploymentSpec;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures, per fault, how long the policy took to act and how long users were hurt. Mitigating actions are
 * applied SPLIT and SELECTOR events and SCALE events that raise a deployment's replicas (scale-down is not
 * mitigation).
 */
public final class IncidentTimer {
    /** The SLO must hold this long after the last violation to count as restored. */
    public static final double RESTORE_HOLD_SECONDS = 60;

    private IncidentTimer() {
    }

    public static List<Incident> measure(RunRecording run, Scenario scenario, FaultWindows faults,
                                         SloTimeline slo) {
        List<Double> mitigations = mitigationTimes(run, scenario);
        List<Incident> incidents = new ArrayList<>();
        for (FaultWindow w : faults.all()) {
            double onset = w.onsetSeconds();
            double mitigation = Double.NaN;
            for (double t : mitigations) {
                if (t >= onset - TrafficMove.EPSILON) {
                    mitigation = Math.max(0.0, t - onset);
                    break;
                }
            }
            int firstViolation = slo.firstViolationAfter(onset);
            double impact = firstViolation < 0 ? Double.NaN : slo.endSeconds(firstViolation) - onset;
            incidents.add(new Incident(w.label(), w.colour(), onset, mitigation, impact,
                    slo.restoreSeconds(onset, RESTORE_HOLD_SECONDS)));
        }
        return incidents;
    }

    /** Times of mitigating actions, ascending (events are recorded in time order). */
    static List<Double> mitigationTimes(RunRecording run, Scenario scenario) {
        Map<String, Integer> replicas = new HashMap<>();
        for (DeploymentSpec d : scenario.cluster().deployments()) {
            replicas.put(d.color(), d.replicas());
        }
        List<Double> times = new ArrayList<>();
        for (RunEvent e : run.events()) {
            switch (e.kind()) {
                case SPLIT, SELECTOR -> times.add(e.tSeconds());
                case SCALE -> {
                    String where = "run " + run.key() + ", SCALE event at t=" + Num.of(e.tSeconds()) + " s";
                    String colour = Colours.of(scenario, run.colors(), e.target(), where);
                    int next = replicasOf(e.value(), where);
                    Integer previous = replicas.put(colour, next);
                    if (previous == null || next > previous) {
                        times.add(e.tSeconds());
                    }
                }
                default -> { }
            }
        }
        times.sort(null);
        return times;
    }

    private static int replicasOf(String value, String where) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": replicas '" + value + "' is not an integer", e);
        }
    }
}
