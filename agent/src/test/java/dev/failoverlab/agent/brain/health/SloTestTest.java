package dev.failoverlab.agent.brain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.agent.evidence.Evidence;
import org.junit.jupiter.api.Test;

final class SloTestTest {

    @Test
    void aClearMissIsViolatedAndItsWilsonBoundExcludesTheLimit() {
        Evidence ev = new Evidence();
        SloTest t = SloTest.run("slow_fraction", "blue", "short window", 6000, 600, 0.05, ev);
        assertThat(t.verdict()).isEqualTo(SloTest.Verdict.VIOLATED);
        assertThat(t.estimate()).isEqualTo(0.1);
        assertThat(t.lower()).isGreaterThan(0.05);
        assertThat(t.confidenceViolated()).isGreaterThan(0.999);
        assertThat(ev.models()).extracting(Evidence.ModelOutput::model)
                .containsExactly("wilson-score-interval", "slo-score-test");
    }

    @Test
    void theOneSidedLevelMatchesTheNinetyPercentWilsonInterval() {
        // at the decision level the one-sided 95 % Wilson bound sits exactly on the limit
        Evidence ev = new Evidence();
        for (long x = 0; x <= 100; x++) {
            SloTest t = SloTest.run("error_rate", "blue", "config window", 1000, x, 0.05, ev);
            assertThat(t.verdict() == SloTest.Verdict.VIOLATED).isEqualTo(t.lower() > 0.05);
            assertThat(t.verdict() == SloTest.Verdict.MET).isEqualTo(t.upper() < 0.05);
        }
    }

    @Test
    void fewRequestsAreInconclusiveAndNoneIsNoData() {
        Evidence ev = new Evidence();
        SloTest few = SloTest.run("error_rate", "green", "short window", 40, 1, 0.01, ev);
        assertThat(few.verdict()).isEqualTo(SloTest.Verdict.INCONCLUSIVE);
        assertThat(few.confidenceMet()).isCloseTo(1 - few.confidenceViolated(), within(1e-12));
        SloTest none = SloTest.run("error_rate", "green", "short window", 0, 0, 0.01, ev);
        assertThat(none.verdict()).isEqualTo(SloTest.Verdict.NO_DATA);
        assertThat(none.hasData()).isFalse();
        assertThat(none.modelId()).isNull();
    }

    @Test
    void zeroErrorsOverThousandsMeetsAOnePercentSlo() {
        SloTest t = SloTest.run("error_rate", "blue", "config window", 24_000, 0, 0.01, new Evidence());
        assertThat(t.verdict()).isEqualTo(SloTest.Verdict.MET);
        assertThat(t.confidenceMet()).isGreaterThan(0.999999);
    }
}
