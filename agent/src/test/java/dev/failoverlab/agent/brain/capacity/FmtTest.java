package dev.failoverlab.agent.brain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FmtTest {

    @Test
    void availabilityShowsAsManyDecimalsAsItsUnavailabilityNeeds() {
        assertThat(Fmt.availability(0.999)).isEqualTo("99.90%");
        assertThat(Fmt.availability(0.99975)).isEqualTo("99.975%");
        assertThat(Fmt.availability(0.95)).isEqualTo("95.00%");
        assertThat(Fmt.availability(0.999999)).isEqualTo("99.99990%");
        assertThat(Fmt.availability(1 - 1e-12)).isEqualTo("~100%");
        assertThat(Fmt.availability(1)).isEqualTo("~100%");
    }

    @Test
    void numbersUseTheRootLocaleAndTheRunbooksUnits() {
        assertThat(Fmt.pct(0.234)).isEqualTo("23%");
        assertThat(Fmt.pct(0.0031, 1)).isEqualTo("0.3%");
        assertThat(Fmt.money(8.175)).isEqualTo("$8.18");
        assertThat(Fmt.ms(45.4)).isEqualTo("45ms");
        assertThat(Fmt.mb(145.2)).isEqualTo("145MB");
        assertThat(Fmt.trim(99.9)).isEqualTo("99.9");
        assertThat(Fmt.trim(1.0)).isEqualTo("1");
        assertThat(Fmt.trim(12.5)).isEqualTo("12.5");
        assertThat(Fmt.replicas(1)).isEqualTo("1 replica");
        assertThat(Fmt.replicas(3)).isEqualTo("3 replicas");
    }
}
