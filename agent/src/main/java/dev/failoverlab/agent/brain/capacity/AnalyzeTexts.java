package dev.failoverlab.agent.brain.capacity;

import dev.failoverlab.agent.analytics.forecast.Exceedance;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runbook's sentences of {@code /analyze}, built only from numbers already in the evidence (derived ones are
 * recorded here as model outputs before they are printed).
 */
final class AnalyzeTexts {
    /** Changes smaller than this are "steady"; the figure is still shown. */
    static final double STEADY = 0.05;
    /** Memory above this fraction of the limit is no longer "within normal range". */
    static final double MEMORY_HIGH = 0.80;

    private AnalyzeTexts() {
    }

    static String analysis(Trends.TrafficChange tc, DemandForecast.Result forecast, int points) {
        if (tc == null) {
            return points == 0 ? "Insufficient history: no request-rate history (Prometheus gave no usable scrapes)"
                    : "Insufficient history: one request-rate point, no change can be measured yet";
        }
        String span = tc.windowMinutes() >= 1 ? "the last " + Fmt.whole(tc.windowMinutes()) + " minutes"
                : "the last " + Fmt.whole(tc.windowMinutes() * 60) + " s";
        if (tc.windowMinutes() == 1) {
            span = "the last minute";
        }
        String s;
        if (tc.fromRps() <= 0 && tc.toRps() <= 0) {
            s = "No traffic over " + span;
        } else if (Double.isNaN(tc.change())) {
            s = "Traffic went from " + Fmt.whole(tc.fromRps()) + " to " + Fmt.whole(tc.toRps()) + " rps over " + span;
        } else if (Math.abs(tc.change()) < STEADY) {
            s = "Traffic held steady over " + span + " (" + Fmt.whole(tc.toRps()) + " rps, "
                    + (tc.change() >= 0 ? "+" : "-") + Fmt.pct(Math.abs(tc.change())) + ")";
        } else {
            s = "Traffic " + (tc.change() > 0 ? "grew " : "fell ") + Fmt.pct(Math.abs(tc.change())) + " over " + span
                    + " (" + Fmt.whole(tc.fromRps()) + " → " + Fmt.whole(tc.toRps()) + " rps)";
        }
        if (forecast != null && forecast.insufficient()) {
            s += "; insufficient history for a backtested forecast (" + points + " points), so the forecast is the"
                    + " latest rate with a wide band";
        }
        return s;
    }

    static AnalyzeResponse.CurrentMetrics currentMetrics(ServiceObservation obs, List<ColourNeed> needs, double p95,
            Trends.Trend rate, Trends.Trend latency, Evidence evidence) {
        String rt = Double.isNaN(p95) ? "insufficient data: no latency histogram in the window"
                : Fmt.ms(p95) + " (p95)" + (latency.upward() ? " trending upward" : "");
        List<String> cpu = new ArrayList<>();
        for (ColourNeed n : needs) {
            if (n.serving() && Double.isFinite(n.cpuNow())) {
                cpu.add(Fmt.pct(n.cpuNow()) + " on " + n.colour());
            }
        }
        String cpuText;
        if (cpu.isEmpty()) {
            cpuText = "insufficient data: metrics-server gave no CPU sample for a serving colour";
        } else {
            cpuText = String.join(", ", cpu) + (rate.accelerating() ? " but accelerating"
                    : rate.upward() ? ", trending upward" : "");
        }
        return new AnalyzeResponse.CurrentMetrics(rt, cpuText, memory(obs, evidence));
    }

    private static String memory(ServiceObservation obs, Evidence evidence) {
        ColorObservation c = obs.colors().stream().filter(o -> o.color().equals(obs.activeColor())).findFirst()
                .orElse(obs.colors().get(0));
        if (!Double.isFinite(c.memoryBytesPerPod())) {
            return "insufficient data: metrics-server gave no memory sample for " + c.color();
        }
        double mib = c.memoryBytesPerPod() / (1024.0 * 1024.0);
        if (c.memoryLimitBytes() <= 0) {
            return Fmt.mb(mib) + " per pod on " + c.color() + " (no memory limit set)";
        }
        double limit = c.memoryLimitBytes() / (1024.0 * 1024.0);
        evidence.measure("memory_limit", c.color(), "instant", limit, "MiB", "api-server");
        double used = mib / limit;
        evidence.model("memory-headroom(working set / limit)").parameter("high_fraction", MEMORY_HIGH)
                .output(c.color() + ".fraction_of_limit", used).add();
        String word = used < MEMORY_HIGH ? "within normal range" : "high, near the limit";
        return word + " (" + Fmt.mb(mib) + " of " + Fmt.mb(limit) + " limit on " + c.color() + ", " + Fmt.pct(used)
                + ")";
    }

    /**
     * @param p          P(CPU above target within the horizon), NaN when it could not be computed
     * @param why        why it could not be computed (for the insufficient-data answer)
     */
    static String prediction(double p, Exceedance ex, List<ColourNeed> needs, double target, double horizonMinutes,
            double peakCpu, String why, Evidence evidence) {
        String horizon = "the next " + Fmt.whole(horizonMinutes) + " minutes";
        List<String> over = new ArrayList<>();
        for (ColourNeed n : needs) {
            if (n.overTarget()) {
                over.add(Fmt.pct(n.cpuNow()) + " on " + n.colour());
            }
        }
        String peak = !Double.isFinite(peakCpu) ? null : peakCpu <= 1
                ? "forecast peak " + Fmt.pct(peakCpu) + " at current replicas"
                : "forecast load needs " + Fmt.pct(peakCpu) + " of the CPU request at current replicas";
        if (!over.isEmpty()) {
            return "CPU already above " + Fmt.pct(target) + " (" + String.join(", ", over) + ")"
                    + (peak == null ? "" : "; " + peak + " within " + horizon);
        }
        if (Double.isNaN(p)) {
            return "insufficient data: " + why;
        }
        String s = Fmt.pct(p) + " chance of CPU above " + Fmt.pct(target);
        if (ex != null && p > 0 && Double.isFinite(ex.expectedFirstCrossingSeconds())) {
            s += " " + crossing(ex, evidence);
        } else {
            s += " within " + horizon;
        }
        return peak == null ? s : s + " (" + peak + ")";
    }

    private static String crossing(Exceedance ex, Evidence evidence) {
        double a = ex.firstCrossingQuantileSeconds(0.25);
        double b = ex.firstCrossingQuantileSeconds(0.75);
        if (b < 120) {
            return a == b ? "in about " + Fmt.whole(a) + " s"
                    : "in the next " + Fmt.whole(a) + "–" + Fmt.whole(b) + " s";
        }
        evidence.model("first-crossing-quartiles(minutes)").parameter("p25_seconds", a).parameter("p75_seconds", b)
                .output("p25_minutes", a / 60).output("p75_minutes", b / 60).add();
        String from = Fmt.whole(a / 60);
        String to = Fmt.whole(b / 60);
        return from.equals(to) ? "in about " + from + " minutes" : "in the next " + from + "–" + to + " minutes";
    }

    static String recommendation(List<ScaleDecider.Decision> decisions, PlanExecutor.Step step, boolean known) {
        List<String> parts = new ArrayList<>();
        for (ScaleDecider.Decision d : decisions) {
            ColourNeed n = d.need();
            String move = " " + n.colour() + " from " + n.spec() + " to " + Fmt.replicas(d.to());
            switch (d.kind()) {
                case UP_NOW -> parts.add("Scale" + move + " now");
                case UP_AHEAD -> parts.add("Preemptive scaling of" + move);
                case UP_CONTINUE -> parts.add("Continue scaling" + move);
                case UP_FLOOR -> parts.add("Scale" + move + (n.serving() ? "" : " to keep a ready standby"));
                case PLAN -> parts.add("Continue the optimisation plan: scale" + move);
                case DOWN -> parts.add("Scale down" + move);
                case HOLD_WINDOW -> parts.add("Hold " + n.colour() + " at " + Fmt.replicas(n.spec())
                        + " until the scale-down stabilisation window has passed");
                case HOLD_EARLY -> parts.add("No scaling yet: " + n.colour() + "'s " + Fmt.replicas(n.spec())
                        + " suffice until the forecast crossing is within a new pod's lead time");
                default -> {
                    if (d.moves()) {
                        parts.add("Scale" + move);
                    }
                }
            }
        }
        if (step != null && step.split() != null) {
            parts.add("Set the planned traffic split " + splitText(step.split()));
        }
        if (parts.isEmpty()) {
            return known ? "No scaling needed: current replicas keep CPU within target"
                    : "No scaling change: insufficient data to size replicas";
        }
        return String.join("; ", parts);
    }

    static String splitText(Map<String, Integer> split) {
        List<String> s = new ArrayList<>();
        split.forEach((c, pct) -> s.add(pct + "% " + c));
        return String.join(", ", s);
    }

    static String execution(List<ActionRecord> actions, boolean execute) {
        if (actions.isEmpty()) {
            return "Nothing to execute";
        }
        if (!execute) {
            return "Not executed: recommendation only (set \"execute\": true to apply)";
        }
        List<String> s = new ArrayList<>();
        for (ActionRecord a : actions) {
            s.add((a.applied() ? "" : "refused: ") + a.detail());
        }
        return String.join("; ", s);
    }
}
