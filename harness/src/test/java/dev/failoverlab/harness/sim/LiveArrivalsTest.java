package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LiveArrivalsTest {

    /** Arrivals in [from, to) of a fresh process with the given load, drawn until past {@code to}. */
    private static int count(LiveLoad load, long seed, double from, double to) {
        LiveArrivals arrivals = new LiveArrivals(load, seed);
        int n = 0;
        for (double t = arrivals.getAsDouble(); t < to; t = arrivals.getAsDouble()) {
            if (t >= from) {
                n++;
            }
        }
        return n;
    }

    private static void assertPoisson(int observed, double expected) {
        // five standard deviations: a false alarm about once in 1.7 million runs
        assertThat((double) observed).isCloseTo(expected, org.assertj.core.data.Offset.offset(5 * Math.sqrt(expected)));
    }

    @Test
    void constantRateGivesPoissonCounts() {
        assertPoisson(count(new LiveLoad.Constant(50), 3, 0, 1000), 50_000);
        assertPoisson(count(new LiveLoad.Constant(0.5), 4, 0, 2000), 1000);
    }

    @Test
    void rampFollowsItsRateAndHoldsTheTarget() {
        LiveLoad ramp = new LiveLoad.Ramp(0, 100, 100);
        assertPoisson(count(ramp, 5, 0, 50), 0.5 * 50 * 50);        // triangle under 0→50 rps
        assertPoisson(count(ramp, 5, 50, 100), 0.5 * (50 + 100) * 50); // trapezoid 50→100
        assertPoisson(count(ramp, 5, 100, 200), 100 * 100);          // holds 100 rps
        assertPoisson(count(new LiveLoad.Ramp(800, 50, 300), 6, 0, 300), 0.5 * (800 + 50) * 300);
    }

    @Test
    void profilePlaysOnceThenHoldsItsLastRate() {
        LiveLoad profile = new LiveLoad.Profile(new LoadProfile(List.of(new LoadSegment.Constant(10, 100),
                new LoadSegment.Ramp(10, 200, 100))));
        assertThat(profile.rateAt(50)).isEqualTo(10);
        assertThat(profile.rateAt(150)).isCloseTo(105, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(profile.rateAt(10_000)).isCloseTo(200, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(profile.maxRateFrom(0)).isCloseTo(200, org.assertj.core.data.Offset.offset(1e-6));
        assertPoisson(count(profile, 7, 200, 300), 200 * 100);
    }

    @Test
    void aChangeCancelsTheArrivalQueuedUnderTheOldLoadAndRestartsAtTheChange() {
        LiveArrivals arrivals = new LiveArrivals(new LiveLoad.Constant(0.001), 8);
        double queued = arrivals.getAsDouble();
        assertThat(queued).isGreaterThan(10); // almost surely: mean gap 1000 s
        arrivals.change(new LiveLoad.Constant(500), 10);
        double next = arrivals.getAsDouble();
        assertThat(next).isGreaterThan(10).isLessThan(10.1);
        assertThat(arrivals.cancelled(next)).isFalse();
        assertThat(arrivals.cancelled(queued)).isTrue();
        assertThat(arrivals.cancelled(queued)).as("cancelled once").isFalse();
        assertThat(arrivals.rateAt(11)).isEqualTo(500);
    }

    @Test
    void zeroLoadQueuesNothingUntilTheNextChange() {
        LiveArrivals arrivals = new LiveArrivals(new LiveLoad.Constant(0), 9);
        assertThat(arrivals.getAsDouble()).isInfinite();
        arrivals.change(new LiveLoad.Ramp(0, 100, 10), 5);
        double first = arrivals.getAsDouble();
        assertThat(first).isGreaterThan(5).isLessThan(15);
        assertThat(arrivals.cancelled(Double.POSITIVE_INFINITY)).isFalse();
    }

    @Test
    void badRatesNameTheField() {
        assertThatThrownBy(() -> new LiveLoad.Constant(-1)).hasMessageStartingWith("rps:");
        assertThatThrownBy(() -> new LiveLoad.Constant(Double.NaN)).hasMessageStartingWith("rps:");
        assertThatThrownBy(() -> new LiveLoad.Ramp(0, 1e9, 10)).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> new LiveLoad.Ramp(0, 10, 0)).hasMessageStartingWith("over_seconds:");
    }
}
