package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ErlangCTest {

    @Test
    void singleServerReducesToMm1() {
        // M/M/1: P(wait) = rho, T ~ Exp(mu - lambda)
        ErlangC q = new ErlangC(1, 80, 100);
        assertThat(q.probabilityOfWaiting()).isCloseTo(0.8, within(1e-12));
        assertThat(q.responsePercentile(95)).isCloseTo(Math.log(20) / 20, within(1e-9));
    }

    @Test
    void knownTwoServerValue() {
        // c = 2, a = 1 (rho 0.5): C = a^2/(2!(1-rho)) / (1 + a + a^2/(2!(1-rho))) = 1/3
        assertThat(new ErlangC(2, 1, 1).probabilityOfWaiting()).isCloseTo(1.0 / 3, within(1e-12));
    }
}
