package dev.failoverlab.agent.analytics.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class BernoulliSprtTest {

    private final BernoulliSprt sprt = new BernoulliSprt(0.01, 0.05, 0.01, 0.05);

    @Test
    void exactCharacteristicsRespectWaldsBounds() {
        BernoulliSprt.Characteristics at0 = sprt.characteristics(0.01);
        BernoulliSprt.Characteristics at1 = sprt.characteristics(0.05);
        // Wald: actual alpha' and beta' satisfy alpha' <= alpha / (1 - beta), beta' <= beta / (1 - alpha)
        assertThat(at0.probabilityAlarm()).isLessThanOrEqualTo(0.01 / 0.95);
        assertThat(1 - at1.probabilityAlarm()).isLessThanOrEqualTo(0.05 / 0.99);
        // the lattice walk exits with probability 1
        assertThat(at0.expectedLength()).isFinite().isPositive();
    }

    @Test
    void falseAlarmRateOnAStationaryBernoulliStreamMatchesTheComputedArl0() {
        SplittableRandom r = new SplittableRandom(12);
        int n = 6_000_000;
        boolean[] errors = new boolean[n];
        for (int i = 0; i < n; i++) {
            errors[i] = r.nextDouble() < 0.01;
        }
        SprtResult result = sprt.scan(errors);
        int alarms = result.alarms().length;
        double measured = (double) n / alarms;
        System.out.printf(Locale.ROOT, "SPRT p0=0.01 p1=0.05 alpha=0.01 beta=0.05 on %d requests at p0: %d false"
                + " alarms, measured ARL0 %.0f, exact %.0f, Wald %.0f%n", n, alarms, measured, result.arl0(),
                result.evidence().output("arl0_wald"));
        // alarms ~ Poisson(n / ARL0 ~ 400): relative sd 5 %; allow 20 % (4 sd)
        assertThat(measured).isCloseTo(result.arl0(), within(0.20 * result.arl0()));
        assertThat(result.h0Acceptances()).isGreaterThan(alarms * 50L);
    }

    @Test
    void detectionDelayAtP1MatchesTheComputation() {
        SplittableRandom r = new SplittableRandom(13);
        int runs = 4_000;
        long total = 0;
        for (int i = 0; i < runs; i++) {
            boolean[] stream = new boolean[4_000];
            for (int j = 0; j < stream.length; j++) {
                stream[j] = r.nextDouble() < 0.05;
            }
            SprtResult result = sprt.scan(stream);
            assertThat(result.decision()).isEqualTo(SprtResult.Decision.ALARM);
            total += result.alarms()[0] + 1;
        }
        double measured = (double) total / runs;
        double computed = sprt.scan(new boolean[1]).detectionDelay();
        System.out.printf(Locale.ROOT, "SPRT delay at p1=0.05: measured %.1f requests, exact %.1f, Wald %.1f%n",
                measured, computed, sprt.scan(new boolean[1]).evidence().output("detection_delay_wald"));
        // run-length sd is about the mean here, so 4,000 runs give a 1.6 % standard error; allow 6 %
        assertThat(measured).isCloseTo(computed, within(0.06 * computed));
    }

    @Test
    void batchesFromScrapesAreAcceptedAndValidated() {
        long[] requests = {200, 200, 200, 200, 200};
        long[] errors = {2, 1, 12, 11, 13};
        SprtResult result = sprt.scanBatches(errors, requests);
        assertThat(result.decision()).isEqualTo(SprtResult.Decision.ALARM);
        assertThat(result.alarms()[0]).isEqualTo(2);
        assertThatThrownBy(() -> sprt.scanBatches(new long[] {5}, new long[] {3})).hasMessageContaining("errors[0]");
        assertThatThrownBy(() -> new BernoulliSprt(0.05, 0.01, 0.01, 0.05)).hasMessageContaining("must exceed p0");
    }
}
