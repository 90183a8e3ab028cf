package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.evidence.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The status of a colour from its tests, in this order: failing facts (no ready pod, crash loop, failed probe, an
 * error rate confidently at least {@link ColorAssessor#FAILING_ERROR_FACTOR} x the SLO rate), then degradation (an
 * SLO test violated at 95 %, a detector alarm, recent restarts), then no traffic (unknown), then optimal (both
 * tests of the config window met at 95 %), else the point estimates decide with the confidence they have.
 */
final class StatusRules {

    private StatusRules() {
    }

    record Inputs(String color, boolean deploymentKnown, int spec, int ready, boolean crashLoop, Boolean probe,
            boolean restarted, SloTest latencyLong, SloTest errorsLong, SloTest latencyShort, SloTest errorsShort,
            DetectorReading detector, boolean metricsMissing, double failingErrorRate) {

        boolean hasTraffic() {
            return enough(latencyLong) || enough(errorsLong) || enough(errorsShort);
        }

        boolean anyViolated() {
            return latencyLong.verdict() == SloTest.Verdict.VIOLATED || errorsLong.verdict() == SloTest.Verdict.VIOLATED
                    || latencyShort.verdict() == SloTest.Verdict.VIOLATED
                    || errorsShort.verdict() == SloTest.Verdict.VIOLATED;
        }

        private static boolean enough(SloTest t) {
            return t.hasData() && t.trials() >= DegradationDetector.MIN_REQUESTS;
        }
    }

    record Result(HealthStatus status, double confidence, String basis, String modelId) {
    }

    static Result classify(Inputs in, Evidence ev) {
        if (!in.deploymentKnown()) {
            return record(in, HealthStatus.UNKNOWN, Double.NaN, "deployment unreadable (api-server)", ev);
        }
        if (in.spec() == 0) {
            return record(in, HealthStatus.UNKNOWN, Double.NaN, "scaled to zero", ev);
        }
        if (in.ready() == 0) {
            return record(in, HealthStatus.FAILING, 1, "no ready pods (api-server fact)", ev);
        }
        if (in.crashLoop()) {
            return record(in, HealthStatus.FAILING, 1, "pods in CrashLoopBackOff (api-server fact)", ev);
        }
        if (Boolean.FALSE.equals(in.probe())) {
            return record(in, HealthStatus.FAILING, 1, "health probe failed", ev);
        }
        for (SloTest t : List.of(in.errorsShort(), in.errorsLong())) {
            if (t.verdict() == SloTest.Verdict.VIOLATED) {
                SloTest far = SloTest.run("error_rate", in.color(), t.window(), t.trials(), t.events(),
                        in.failingErrorRate(), ev);
                if (far.verdict() == SloTest.Verdict.VIOLATED) {
                    return record(in, HealthStatus.FAILING, far.confidenceViolated(), "error rate "
                            + Fmt.percent(t.estimate()) + " over the " + t.window() + " is far above the SLO"
                            + " (confidence from the score test against the failing limit)", ev);
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        double confidence = 0;
        for (SloTest t : List.of(in.latencyShort(), in.latencyLong(), in.errorsShort(), in.errorsLong())) {
            if (t.verdict() == SloTest.Verdict.VIOLATED) {
                reasons.add(describe(t) + " violates the SLO");
                confidence = Math.max(confidence, t.confidenceViolated());
            }
        }
        if (in.detector().alarm()) {
            reasons.add("degradation detector in alarm (confidence: one minus its in-control false-alarm rate per interval)");
            confidence = Math.max(confidence, in.detector().confidence());
        }
        if (in.restarted()) {
            reasons.add("container restarts within the restart memory");
            confidence = Math.max(confidence, 1);
        }
        if (!reasons.isEmpty()) {
            return record(in, HealthStatus.DEGRADED, confidence, String.join("; ", reasons), ev);
        }
        if (!in.hasTraffic()) {
            return record(in, HealthStatus.UNKNOWN, Double.NaN,
                    in.metricsMissing() ? "metrics missing (prometheus)" : "idle: no traffic to test against the SLO",
                    ev);
        }
        SloTest lat = in.latencyLong().hasData() ? in.latencyLong() : in.latencyShort();
        SloTest err = in.errorsLong().hasData() ? in.errorsLong() : in.errorsShort();
        double met = Math.min(lat.hasData() ? lat.confidenceMet() : 1, err.hasData() ? err.confidenceMet() : 1);
        if (met >= SloTest.LEVEL) {
            return record(in, HealthStatus.OPTIMAL, met, "within the SLO over the " + err.window()
                    + " (confidence: the lower of the two score tests' confidence_met)", ev);
        }
        boolean withinByEstimate = (!lat.hasData() || lat.estimate() <= lat.limit())
                && (!err.hasData() || err.estimate() <= err.limit());
        if (withinByEstimate) {
            return record(in, HealthStatus.OPTIMAL, met, "inconclusive: estimates within the SLO, too few requests"
                    + " for the test level", ev);
        }
        double violated = Math.max(lat.hasData() ? lat.confidenceViolated() : 0,
                err.hasData() ? err.confidenceViolated() : 0);
        return record(in, HealthStatus.DEGRADED, violated, "inconclusive: estimates outside the SLO, too few"
                + " requests for the test level", ev);
    }

    /** Pod-level health, the runbook's technical_health word. */
    static String technical(Inputs in) {
        if (!in.deploymentKnown()) {
            return "UNKNOWN";
        }
        if (in.spec() == 0) {
            return "SCALED_TO_ZERO";
        }
        if (in.ready() == 0 || in.crashLoop() || Boolean.FALSE.equals(in.probe())) {
            return "FAILING";
        }
        if (in.restarted()) {
            return "DEGRADED";
        }
        if (in.ready() < in.spec()) {
            return "STARTING";
        }
        if (!in.hasTraffic()) {
            return "READY";
        }
        return in.anyViolated() || in.detector().alarm() ? "OK" : "EXCELLENT";
    }

    private static String describe(SloTest t) {
        String what = t.metric().equals("slow_fraction") ? "slow fraction" : "error rate";
        return String.format(Locale.ROOT, "%s %s over the %s", what, Fmt.percent(t.estimate()), t.window());
    }

    private static Result record(Inputs in, HealthStatus status, double confidence, String basis, Evidence ev) {
        Evidence.ModelBuilder b = ev.model("health-status").parameter("level", SloTest.LEVEL);
        if (!Double.isNaN(confidence)) {
            b.output("confidence", confidence);
        }
        String id = b.note(in.color() + ": " + status.json() + " — " + basis).add();
        return new Result(status, confidence, basis, id);
    }
}
