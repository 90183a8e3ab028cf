package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Expectation;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.List;

/** Scores one run against its scenario: a pure function of the raw recording and the scenario. */
public final class RunScorer {
    private RunScorer() {
    }

    public static RunScore score(RunRecording run, Scenario scenario) {
        if (!run.key().scenario().equals(scenario.name())) {
            throw new IllegalArgumentException("run " + run.key() + " belongs to scenario '" + run.key().scenario()
                    + "', not '" + scenario.name() + "'");
        }
        if (!(run.intervalSeconds() > 0)) {
            throw new IllegalArgumentException("run " + run.key() + " has sampling interval "
                    + run.intervalSeconds() + " s; it must be positive");
        }
        SloTimeline slo = SloTimeline.of(run, scenario.slo());
        FaultWindows faults = FaultWindows.of(scenario);
        List<TrafficMove> moves = TrafficMoves.derive(run, scenario);
        MoveFindings findings = MoveFindings.judge(moves, faults, run.colors());
        Cost cost = Cost.of(run, scenario);

        long ok = 0;
        long errors = 0;
        double p95Sum = 0;
        int p95Count = 0;
        for (Sample s : run.samples()) {
            ok += s.ok();
            errors += s.errors();
            if (s.arrivals() > 0 && !Double.isNaN(s.p95Ms())) {
                p95Sum += s.p95Ms();
                p95Count++;
            }
        }
        double availability = ok + errors == 0 ? Double.NaN : 100.0 * ok / (ok + errors);
        double meanP95 = p95Count == 0 ? Double.NaN : p95Sum / p95Count;

        double violation = slo.violationSeconds();
        List<ExpectationResult> expectations =
                new ExpectationChecker(run, scenario, moves, violation, cost.dollarsPerHour()).checkAll();
        int missed = 0;
        for (int i = 0; i < expectations.size(); i++) {
            if (scenario.expect().get(i) instanceof Expectation.TrafficOn && !expectations.get(i).passed()) {
                missed++;
            }
        }
        List<Incident> incidents = IncidentTimer.measure(run, scenario, faults, slo);
        return new RunScore(run.key(), cost.runSeconds(), run.intervalSeconds(), slo.violatedIntervals(), violation,
                ok, errors, availability, meanP95, moves, findings, missed, expectations, incidents, cost,
                QueryStats.of(run.queries()));
    }
}
