package dev.failoverlab.agent.analytics.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class PodAvailabilityTest {

    @Test
    void twoOfThreeByHand() {
        // 3 * 0.9^2 * 0.1 + 0.9^3 = 0.243 + 0.729
        Availability a = PodAvailability.atLeast(2, 3, 0.1);
        assertThat(a.availability()).isCloseTo(0.972, within(1e-12));
        assertThat(a.unavailability()).isCloseTo(0.028, within(1e-12));
    }

    @Test
    void tinyUnavailabilityIsNotRoundedAway() {
        // one of five needed, each down 1 %: all five down = 1e-10
        Availability a = PodAvailability.atLeast(1, 5, 0.01);
        assertThat(a.unavailability()).isCloseTo(1e-10, within(1e-20));
        assertThat(a.nines()).isCloseTo(10, within(1e-9));
    }

    @Test
    void edgesAndSizing() {
        assertThat(PodAvailability.atLeast(0, 0, 0.5).availability()).isEqualTo(1);
        assertThat(PodAvailability.atLeast(4, 3, 0.0).availability()).isEqualTo(0);
        assertThat(PodAvailability.failureProbability(3600, 36)).isCloseTo(36.0 / 3636, within(1e-15));
        // need 3 pods up, 2 % down each, target 99.9 %: 4 pods give 0.99767, 5 give 0.99992
        assertThat(PodAvailability.atLeast(3, 4, 0.02).availability()).isLessThan(0.999);
        assertThat(PodAvailability.podsFor(3, 0.02, 0.999, 20)).isEqualTo(5);
    }
}
