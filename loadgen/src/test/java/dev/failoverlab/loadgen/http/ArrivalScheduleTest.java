package dev.failoverlab.loadgen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failoverlab.loadgen.profile.LoadProfile;
import dev.failoverlab.loadgen.profile.LoadSegment;
import dev.failoverlab.loadgen.profile.PoissonArrivals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ArrivalScheduleTest {

    private static List<Double> all(ArrivalSchedule schedule) {
        List<Double> times = new ArrayList<>();
        for (double t = schedule.next(); !Double.isInfinite(t); t = schedule.next()) {
            times.add(t);
        }
        return times;
    }

    @Test
    void uniformConstantRateIsEvenlySpacedAndExact() {
        LoadProfile profile = new LoadProfile(List.of(new LoadSegment.Constant(1000, 3)));
        List<Double> times = all(ArrivalSchedule.of(profile, ArrivalProcess.UNIFORM, 1));

        assertThat(times).hasSize(3000);
        assertThat(times.get(0)).isCloseTo(0.0005, within(1e-9));
        assertThat(times.get(1) - times.get(0)).isCloseTo(0.001, within(1e-9));
        assertThat(times.get(2999)).isCloseTo(2.9995, within(1e-6));
    }

    @Test
    void uniformRampFromZeroFollowsTheIntegralOfTheRate() {
        // 0 → 100 rps over 10 s: 500 requests; arrival k where the integral 5t² reaches k + 1/2
        LoadProfile profile = new LoadProfile(List.of(new LoadSegment.Ramp(0, 100, 10)));
        List<Double> times = all(ArrivalSchedule.of(profile, ArrivalProcess.UNIFORM, 1));

        assertThat(times).hasSizeBetween(499, 500);
        assertThat(times.get(0)).as("first arrival where the integral 5t² reaches 1/2").isCloseTo(Math.sqrt(0.1), within(0.01));
        assertThat(times.get(249)).isCloseTo(Math.sqrt(2 * 249.5 / 10.0), within(0.01));
        assertThat(times).isSorted();
    }

    @Test
    void uniformSkipsSilentSegments() {
        LoadProfile profile = new LoadProfile(List.of(new LoadSegment.Constant(0, 2), new LoadSegment.Constant(10, 1)));
        List<Double> times = all(ArrivalSchedule.of(profile, ArrivalProcess.UNIFORM, 1));

        assertThat(times).hasSize(10);
        assertThat(times.get(0)).isCloseTo(2.05, within(1e-6));
    }

    @Test
    void poissonIsTheSimulatorsSeededSequence() {
        LoadProfile profile = new LoadProfile(List.of(new LoadSegment.Ramp(10, 200, 5)));
        List<Double> times = all(ArrivalSchedule.of(profile, ArrivalProcess.POISSON, 42));
        PoissonArrivals reference = new PoissonArrivals(profile, 42);

        for (double t : times) {
            assertThat(t).isEqualTo(reference.next());
        }
        assertThat(reference.next()).isInfinite();
        assertThat(times.size()).isCloseTo(525, within(100));
    }
}
