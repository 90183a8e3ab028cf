package dev.failoverlab.agent.brain.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.brain.fake.HealthFakeAgent;
import dev.failoverlab.agent.brain.fake.HealthFakeCluster;
import dev.failoverlab.agent.brain.fake.HealthNumberCheck;
import dev.failoverlab.agent.learn.Episode;
import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.Actuator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FailoverDeciderTest {

    private static FailoverAssessmentResponse checked(FailoverAssessmentResponse r) {
        assertThat(HealthNumberCheck.unsupported(r)).as(HealthNumberCheck.json(r)).isEmpty();
        assertThat(r.mode()).isEqualTo("deterministic");
        return r;
    }

    /** Queries once per scrape interval, as the harness does every 15 s. */
    private static List<FailoverAssessmentResponse> run(HealthFakeAgent a, int ticks) {
        List<FailoverAssessmentResponse> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            a.cluster.tick();
            out.add(checked(a.assess()));
        }
        return out;
    }

    private static Map<String, Object> block(FailoverAssessmentResponse r) {
        return r.failoverAssessment().json();
    }

    @Test
    void healthyServiceHoldsAndTouchesNothing() {
        HealthFakeAgent a = new HealthFakeAgent(21);
        List<FailoverAssessmentResponse> rs = run(a, 20);
        assertThat(rs).allSatisfy(r -> assertThat(r.decision().outcome()).isEqualTo(Outcome.HOLD));
        assertThat(a.cluster.actions()).isEmpty();
        FailoverAssessmentResponse last = rs.get(rs.size() - 1);
        assertThat(block(last)).containsKeys("blue_status", "metrics", "green_status", "decision_matrix",
                "recommendation", "execution");
        assertThat((String) block(last).get("blue_status")).startsWith("Pods healthy (2/2 ready), within SLO");
        assertThat(last.failoverAssessment().decisionMatrix().technicalHealth()).isEqualTo("Blue=EXCELLENT, Green=READY");
        assertThat(last.failoverAssessment().decisionMatrix().businessImpact()).isEqualTo("NONE (no requests affected)");
        assertThat(last.failoverAssessment().execution()).isEqualTo("nothing to execute (hold)");
        assertThat(last.decision().split()).containsEntry("blue", 100).containsEntry("green", 0);
    }

    @Test
    void slowBlueMovesWithinTwoQueriesOfTheFirstDegradedScrapeAndEndsOnGreenWithoutFlapping() {
        HealthFakeAgent a = new HealthFakeAgent(22);
        run(a, 6);
        a.cluster.colour("blue").slowFraction = 0.2;
        List<FailoverAssessmentResponse> rs = run(a, 24);
        int firstMove = -1;
        List<Integer> green = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            green.add(rs.get(i).decision().split().get("green"));
            if (firstMove < 0 && rs.get(i).decision().outcome() != Outcome.HOLD) {
                firstMove = i;
            }
        }
        // the first degraded scrape is the first tick after the fault (query 0)
        assertThat(firstMove).as("query index of the first move").isBetween(0, 1);
        FailoverAssessmentResponse canary = rs.get(firstMove);
        assertThat(canary.decision().outcome()).isEqualTo(Outcome.GRADUAL_SHIFT);
        assertThat(canary.decision().split()).containsEntry("green", 10).containsEntry("blue", 90);
        assertThat(canary.decision().actions()).extracting(PlannedAction::kind)
                .containsExactly(PlannedAction.SCALE, PlannedAction.SPLIT);
        assertThat(canary.failoverAssessment().decisionMatrix().failoverRisk()).startsWith("MEDIUM (green unproven");
        assertThat(green).as("green's share never goes down: no flapping").isSorted();
        assertThat(green.get(green.size() - 1)).isEqualTo(100);
        int full = green.indexOf(100);
        assertThat(full).as("queries until all traffic is on green").isLessThanOrEqualTo(firstMove + 4);
        assertThat(a.cluster.percent("green")).isEqualTo(100);
        assertThat(rs.subList(full + 1, rs.size()))
                .allSatisfy(r -> assertThat(r.decision().outcome()).isEqualTo(Outcome.HOLD));
    }

    @Test
    void errorsAtPeakHoursWithLowToleranceSwitchImmediatelyToAProvenGreen() {
        HealthFakeAgent a = new HealthFakeAgent(23);
        var act = a.cluster.actuator();
        act.scale("web-green", 2, "test: a standby sized for the load");
        act.setTrafficSplit(Map.of("blue", 80, "green", 20), "test: green serves a share");
        run(a, 5);
        act.switchSelector("blue", "test: back to blue");
        run(a, 3);
        a.cluster.actions().clear();
        a.cluster.colour("blue").errorFraction = 0.05;
        FailoverAssessmentResponse move = null;
        for (int i = 0; i < 4 && move == null; i++) {
            a.cluster.tick();
            FailoverAssessmentResponse r = checked(a.decide(HealthFakeAgent.peakLowTolerance(), true, null));
            if (r.decision().outcome() != Outcome.HOLD) {
                move = r;
            }
        }
        assertThat(move).isNotNull();
        assertThat(move.decision().outcome()).isEqualTo(Outcome.IMMEDIATE_SWITCH);
        assertThat(move.decision().targetColor()).isEqualTo("green");
        assertThat(move.failoverAssessment().recommendation()).startsWith("Immediate traffic switch to green");
        assertThat(move.failoverAssessment().execution()).isEqualTo("Failover initiated: selector → green");
        assertThat(move.failoverAssessment().decisionMatrix().businessImpact()).startsWith("HIGH if no action taken");
        assertThat(move.failoverAssessment().decisionMatrix().failoverRisk()).startsWith("LOW (green proven stable");
        assertThat(move.failoverAssessment().decisionMatrix().userExperience()).startsWith("Blue=POOR");
        assertThat((String) block(move).get("blue_status")).startsWith("Pods healthy (2/2 ready), but UX degrading");
        assertThat(move.failoverAssessment().metrics().errorRate()).endsWith("(SLO: 1.0%)");
        assertThat(move.failoverAssessment().metrics().userImpact()).startsWith("HIGH: ")
                .endsWith("sessions n/a (no session metric)");
        assertThat(a.cluster.percent("green")).isEqualTo(100);
    }

    @Test
    void anImmediateSwitchHeldBackByReadyPodsFinishesAsSoonAsTheyAreReady() {
        HealthFakeAgent a = new HealthFakeAgent(34);
        a.cluster.startupTicks = 1;
        a.cluster.totalRps(600); // more than green's single pod carries at 80 %
        a.cluster.actuator().setTrafficSplit(Map.of("blue", 80, "green", 20), "test: green serves a share");
        run(a, 5);
        a.cluster.actuator().switchSelector("blue", "test: back to blue");
        run(a, 2);
        a.cluster.colour("blue").errorFraction = 0.05;
        List<FailoverAssessmentResponse> rs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.cluster.tick();
            rs.add(checked(a.decide(HealthFakeAgent.peakLowTolerance(), true, null)));
        }
        int first = 0;
        while (rs.get(first).decision().outcome() == Outcome.HOLD) {
            first++;
        }
        FailoverAssessmentResponse partial = rs.get(first);
        assertThat(partial.decision().outcome()).isEqualTo(Outcome.IMMEDIATE_SWITCH);
        assertThat(partial.decision().split().get("green")).isBetween(50, 99);
        assertThat(partial.failoverAssessment().recommendation()).startsWith("Immediate shift of")
                .contains("; scale web-green to 3 replicas");
        FailoverAssessmentResponse rest = rs.get(first + 1);
        assertThat(rest.decision().outcome()).as("no 2-interval verification wait").isEqualTo(Outcome.IMMEDIATE_SWITCH);
        assertThat(rest.decision().split()).containsEntry("green", 100);
        assertThat(a.cluster.percent("green")).isEqualTo(100);
    }

    @Test
    void aCrashLoopIsFailingAndSwitchesOnTheFirstQuery() {
        HealthFakeAgent a = new HealthFakeAgent(24);
        run(a, 6);
        a.cluster.colour("blue").crashLoop = true;
        a.cluster.tick();
        FailoverAssessmentResponse r = checked(a.assess());
        assertThat(r.decision().outcome()).isEqualTo(Outcome.IMMEDIATE_SWITCH);
        assertThat((String) block(r).get("blue_status")).startsWith("Pods failing (0/2 ready)");
        assertThat(r.failoverAssessment().decisionMatrix().technicalHealth()).startsWith("Blue=FAILING");
        assertThat(r.decision().actions()).extracting(PlannedAction::kind)
                .containsExactly(PlannedAction.SCALE, PlannedAction.SELECTOR);
        assertThat(a.cluster.percent("green")).isEqualTo(100);
    }

    @Test
    void anUnreadyGreenIsNeverATarget() {
        HealthFakeAgent a = new HealthFakeAgent(25);
        run(a, 6);
        a.cluster.colour("green").readinessFails = true;
        a.cluster.colour("blue").slowFraction = 0.2;
        List<FailoverAssessmentResponse> rs = run(a, 12);
        assertThat(rs).allSatisfy(r -> assertThat(r.decision().outcome()).isEqualTo(Outcome.HOLD));
        assertThat(a.cluster.actions()).isEmpty();
        FailoverAssessmentResponse last = rs.get(rs.size() - 1);
        assertThat(last.failoverAssessment().recommendation()).contains("green has no ready pods");
        assertThat(last.failoverAssessment().decisionMatrix().failoverRisk()).startsWith("HIGH");
    }

    @Test
    void aBadStandbyIsRolledBackAfterItsCanaryAndNeverTriedAgain() {
        HealthFakeAgent a = new HealthFakeAgent(26);
        a.cluster.colour("green").errorFraction = 0.30; // patched bad while idle: nothing shows it yet
        run(a, 6);
        a.cluster.colour("blue").slowFraction = 0.10;
        List<FailoverAssessmentResponse> rs = run(a, 40);
        int maxGreen = 0;
        int rollbacks = 0;
        int moves = 0;
        for (FailoverAssessmentResponse r : rs) {
            maxGreen = Math.max(maxGreen, r.decision().split().get("green"));
            rollbacks += r.decision().outcome() == Outcome.ROLLBACK ? 1 : 0;
            moves += r.decision().outcome() == Outcome.GRADUAL_SHIFT
                    || r.decision().outcome() == Outcome.IMMEDIATE_SWITCH ? 1 : 0;
        }
        assertThat(maxGreen).as("only a canary ever reached green").isLessThanOrEqualTo(10);
        assertThat(moves).isEqualTo(1);
        assertThat(rollbacks).isEqualTo(1);
        assertThat(a.cluster.percent("green")).isZero();
        FailoverAssessmentResponse last = rs.get(rs.size() - 1);
        assertThat(last.decision().outcome()).isEqualTo(Outcome.HOLD);
        assertThat(last.failoverAssessment().recommendation()).contains("green is marked unsafe");
        assertThat((String) block(last).get("green_status")).contains("marked unsafe as a target (failing after traffic"
                + " moved to it");
    }

    @Test
    void aFlashCrowdIsCapacityNotAColourFaultHoldAndScale() {
        HealthFakeCluster cluster = new HealthFakeCluster(27);
        cluster.totalRps(250);
        HealthFakeAgent a = new HealthFakeAgent(cluster, dev.failoverlab.agent.config.AgentConfig.defaults());
        run(a, 8);
        cluster.totalRps(1000); // 4x: blue's two pods at 100 % CPU, latency climbs while pods are added
        List<FailoverAssessmentResponse> rs = run(a, 16);
        assertThat(rs).allSatisfy(r -> assertThat(r.decision().outcome()).isEqualTo(Outcome.HOLD));
        assertThat(cluster.percent("green")).isZero();
        // 1,000 rps at 50 % of a pod's estimated ~490 rps: five pods (the HPA's ratio rule would say four)
        assertThat(cluster.actions()).containsExactly("scale web-blue 5");
        FailoverAssessmentResponse first = rs.stream()
                .filter(r -> r.failoverAssessment().recommendation().contains("overload")).findFirst().orElseThrow();
        assertThat(first.failoverAssessment().recommendation())
                .startsWith("Hold traffic on blue: overload, not a colour fault (CPU 100% of request")
                .endsWith("; scale web-blue to 5 replicas");
        assertThat(first.decision().reasons()).anyMatch(s -> s.startsWith("capacity:"));
        // once the pods are ready the SLO holds again
        assertThat(rs.get(rs.size() - 1).failoverAssessment().decisionMatrix().userExperience())
                .startsWith("Blue=OPTIMAL");
    }

    @Test
    void coolDownPreventsAMoveBackTowardsTheColourJustLeft() {
        HealthFakeAgent a = new HealthFakeAgent(28);
        run(a, 6);
        a.cluster.colour("blue").slowFraction = 0.2;
        run(a, 8);
        assertThat(a.cluster.percent("green")).isEqualTo(100);
        // blue is fixed by a rollout; then green degrades right away
        a.cluster.colour("blue").slowFraction = 0;
        a.cluster.colour("blue").rollout();
        a.cluster.colour("green").slowFraction = 0.2;
        List<FailoverAssessmentResponse> during = run(a, 12); // 3 minutes, inside the 300 s cool-down
        assertThat(during).allSatisfy(r -> assertThat(r.decision().outcome()).isEqualTo(Outcome.HOLD));
        assertThat(during.get(during.size() - 1).failoverAssessment().recommendation()).startsWith("Hold: cool-down");
        assertThat(a.cluster.percent("green")).isEqualTo(100);
        List<FailoverAssessmentResponse> after = run(a, 12);
        FailoverAssessmentResponse back = after.stream().filter(r -> r.decision().outcome() != Outcome.HOLD)
                .findFirst().orElseThrow();
        assertThat(back.decision().outcome()).isEqualTo(Outcome.GRADUAL_SHIFT);
        assertThat(back.decision().targetColor()).isEqualTo("blue");
        assertThat(back.decision().split()).containsEntry("blue", 10);
    }

    @Test
    void withoutExecuteNothingIsAppliedAndTheAnswerSaysSo() {
        HealthFakeAgent a = new HealthFakeAgent(29);
        run(a, 6);
        a.cluster.colour("blue").slowFraction = 0.2;
        FailoverAssessmentResponse r = null;
        for (int i = 0; i < 4; i++) {
            a.cluster.tick();
            r = checked(a.decide(null, null, null)); // config default: do not execute
        }
        assertThat(r.decision().outcome()).isEqualTo(Outcome.GRADUAL_SHIFT);
        assertThat(r.decision().executed()).isFalse();
        assertThat(r.decision().actions()).allSatisfy(x -> assertThat(x.applied()).isFalse());
        assertThat(r.failoverAssessment().execution())
                .startsWith("not executed: caller did not ask (set \"execute\": true)");
        assertThat(a.cluster.actions()).isEmpty();
        assertThat(a.cluster.percent("blue")).isEqualTo(100);
    }

    @Test
    void aDryRunSaysWhatItWouldDo() {
        HealthFakeAgent a = new HealthFakeAgent(30);
        run(a, 6);
        a.cluster.colour("blue").slowFraction = 0.2;
        FailoverAssessmentResponse r = null;
        for (int i = 0; i < 3; i++) {
            a.cluster.tick();
            r = checked(a.decide(null, true, true));
        }
        assertThat(r.failoverAssessment().execution())
                .isEqualTo("dry run: would scale web-green to 2 replicas, then split 90/10 (blue/green)");
        assertThat(a.cluster.actions()).isEmpty();
    }

    @Test
    void aGuardRefusalIsReportedAndNothingIsRemembered() {
        HealthFakeCluster cluster = new HealthFakeCluster(33);
        Actuator real = cluster.actuator();
        Actuator guarded = new Actuator() {
            @Override
            public ActionResult scale(String deployment, int replicas, String reason) {
                return real.scale(deployment, replicas, reason);
            }

            @Override
            public ActionResult setTrafficSplit(Map<String, Integer> split, String reason) {
                return ActionResult.refused("guard: rate limit of 12 actions per minute reached");
            }

            @Override
            public ActionResult switchSelector(String color, String reason) {
                return ActionResult.refused("guard: rate limit of 12 actions per minute reached");
            }
        };
        HealthFakeAgent a = new HealthFakeAgent(cluster, dev.failoverlab.agent.config.AgentConfig.defaults(), guarded);
        run(a, 6);
        cluster.colour("blue").slowFraction = 0.2;
        List<FailoverAssessmentResponse> rs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cluster.tick();
            rs.add(checked(a.assess())); // the guard's figure is recorded as an actuator reply
        }
        FailoverAssessmentResponse refused = rs.get(1);
        assertThat(refused.decision().outcome()).isEqualTo(Outcome.GRADUAL_SHIFT);
        assertThat(refused.failoverAssessment().execution()).isEqualTo("scaled web-green to 2 replicas; refused"
                + " (split 90/10 (blue/green)): guard: rate limit of 12 actions per minute reached");
        assertThat(refused.decision().actions().get(1).applied()).isFalse();
        // no shift was remembered: every later query proposes the same first step again
        assertThat(rs.subList(2, 4)).allSatisfy(r -> assertThat(r.decision().split()).containsEntry("green", 10));
        assertThat(cluster.percent("green")).isZero();
    }

    @Test
    void aFailingMetricsSourceGivesALabelledPartialAnswer() {
        HealthFakeAgent a = new HealthFakeAgent(31);
        run(a, 4);
        a.cluster.prometheusDown = true;
        a.cluster.colour("blue").slowFraction = 0.5; // invisible without Prometheus
        List<FailoverAssessmentResponse> rs = run(a, 4);
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.decision().outcome()).isEqualTo(Outcome.HOLD);
            assertThat(r.evidence().missingData()).anyMatch(m -> m.startsWith("prometheus"));
        });
        assertThat(rs.get(3).failoverAssessment().metrics().responseTime()).startsWith("n/a");
        a.cluster.apiServerDown = true;
        FailoverAssessmentResponse none = checked(a.assess());
        assertThat(none.decision().outcome()).isEqualTo(Outcome.HOLD);
        assertThat(none.failoverAssessment().recommendation()).startsWith("Hold: insufficient data");
        assertThat(a.cluster.actions()).isEmpty();
    }

    @Test
    void eachQueryRecordsObservationHealthAndFailoverEpisodes() {
        HealthFakeAgent a = new HealthFakeAgent(32);
        run(a, 6);
        a.cluster.colour("blue").slowFraction = 0.2;
        run(a, 2);
        List<Episode> failover = a.episodes.ofKind("failover");
        assertThat(failover).hasSize(8);
        Episode move = failover.get(failover.size() - 1);
        assertThat(move.subject()).isEqualTo("green");
        assertThat(move.predicted()).containsEntry("decision", 1.0).containsKey("target_better");
        assertThat(move.predicted().get("target_better")).isBetween(0.0, 1.0);
        assertThat(move.labels()).containsEntry("outcome", "gradual_shift").containsEntry("rules_version", "1");
        assertThat(move.dueAt()).isEqualTo(move.at().plusSeconds(120));
        assertThat(a.episodes.ofKind("observation")).hasSize(8);
        assertThat(a.episodes.ofKind("health")).isNotEmpty();
        assertThat(a.episodes.all()).extracting(Episode::id).doesNotHaveDuplicates();
    }
}
