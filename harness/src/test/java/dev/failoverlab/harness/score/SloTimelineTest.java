package dev.failoverlab.harness.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.Slo;
import org.junit.jupiter.api.Test;

final class SloTimelineTest {
    private static final Slo SLO = new Slo(100, 1.0, 99.9);

    private static SloTimeline timeline(RunBuilder b) {
        RunRecording run = b.build();
        return SloTimeline.of(run, SLO);
    }

    private static RunBuilder run() {
        return new RunBuilder("s", "p", 1, 600);
    }

    @Test
    void errorRatioAboveTheSloViolatesButExactlyAtItDoesNot() {
        SloTimeline t = timeline(run().errors(0, 5, 1).errors(5, 10, 2));
        assertThat(t.violated(0)).as("1 error in 100 = 1.0 %, not above 1 %").isFalse();
        assertThat(t.violated(1)).as("2 %").isTrue();
        assertThat(t.violatedIntervals()).isEqualTo(1);
    }

    @Test
    void p95AboveTheSloViolates() {
        SloTimeline t = timeline(run().p95(0, 5, 100).p95(5, 10, 100.5));
        assertThat(t.violated(0)).isFalse();
        assertThat(t.violated(1)).isTrue();
    }

    @Test
    void arrivalsWithoutCompletionsViolateAndNoArrivalsDoNot() {
        SloTimeline t = timeline(run().stall(0, 10).idle(10, 20));
        assertThat(t.violated(0)).isTrue();
        assertThat(t.violated(1)).isTrue();
        assertThat(t.violated(2)).as("no arrivals: nothing to violate").isFalse();
        assertThat(t.violated(3)).isFalse();
    }

    @Test
    void violationSecondsCountViolatedIntervalsTimesTheInterval() {
        SloTimeline t = timeline(run().errors(100, 130, 50).p95(200, 210, 500));
        assertThat(t.violatedIntervals()).isEqualTo(6 + 2);
        assertThat(t.violationSeconds()).isEqualTo(40.0);
    }

    @Test
    void restoreIsZeroWithoutViolationAfterOnset() {
        SloTimeline t = timeline(run().errors(0, 50, 50));
        assertThat(t.restoreSeconds(300, 60)).isZero();
        assertThat(t.firstViolationAfter(300)).isEqualTo(-1);
    }

    @Test
    void restoreIsTheLastViolationEndBeforeSixtyCleanSeconds() {
        // fault at 300 s, violations in intervals ending 305..400, clean afterwards
        SloTimeline t = timeline(run().errors(300, 400, 10));
        assertThat(t.endSeconds(t.firstViolationAfter(300))).isEqualTo(305.0);
        assertThat(t.restoreSeconds(300, 60)).isEqualTo(100.0);
    }

    @Test
    void aShortCleanGapDoesNotCountAsRestored() {
        // violated to 400, clean 400..430, violated again 430..450, then clean: restored at 450
        SloTimeline t = timeline(run().errors(300, 400, 10).errors(430, 450, 10));
        assertThat(t.restoreSeconds(300, 60)).isEqualTo(150.0);
    }

    @Test
    void violationUntilTheEndNeverRestores() {
        SloTimeline t = timeline(run().errors(300, 600, 10));
        assertThat(t.restoreSeconds(300, 60)).isNaN();
    }

    @Test
    void nearTheEndEveryRemainingIntervalCompliantIsEnough() {
        // violated to 580, the 4 remaining intervals (to 600) comply: fewer than 60 s left, still restored
        SloTimeline t = timeline(run().errors(300, 580, 10));
        assertThat(t.restoreSeconds(300, 60)).isEqualTo(280.0);
    }

    @Test
    void violationsBeforeOnsetAreIgnored() {
        SloTimeline t = timeline(run().errors(100, 200, 10).errors(310, 320, 10));
        assertThat(t.firstViolationAfter(300)).isEqualTo(62);
        assertThat(t.restoreSeconds(300, 60)).isEqualTo(20.0);
    }
}
