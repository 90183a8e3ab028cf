package dev.failoverlab.agent.analytics.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ErlangCTest {

    @Test
    void matchesPublishedValues() {
        assertThat(ErlangC.probabilityOfWait(2, 1)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(ErlangC.probabilityOfWait(10, 8)).isCloseTo(0.409180, within(1e-6));
        // "Erlang C formula made simple" (call-centre example): 100 calls per 30 min, 180 s handling time, so
        // A = 10 Erlangs; 11 agents: P(wait) = 68.21 %; 14 agents: 17.41 % and 88.8 % answered within 20 s
        assertThat(ErlangC.probabilityOfWait(11, 10)).isCloseTo(0.6821, within(5e-5));
        QueueMetrics fourteen = ErlangC.metrics(100.0 / 1800, 1.0 / 180, 14);
        assertThat(fourteen.probabilityOfWait()).isCloseTo(0.1741, within(5e-5));
        assertThat(1 - fourteen.waitExceedance(20)).isCloseTo(0.888, within(5e-4));
        assertThat(ErlangC.erlangB(1, 1)).isEqualTo(0.5);
    }

    @Test
    void staysAccurateForTwoHundredServers() {
        // independent log-space evaluation of A^k / k!
        int c = 200;
        double a = 190;
        double logTop = c * Math.log(a) - logFactorial(c) + Math.log(c / (c - a));
        double max = logTop;
        double[] logs = new double[c];
        for (int k = 0; k < c; k++) {
            logs[k] = k * Math.log(a) - logFactorial(k);
            max = Math.max(max, logs[k]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        double expected = Math.exp(logTop - max) / (sum + Math.exp(logTop - max));
        assertThat(ErlangC.probabilityOfWait(c, a)).isCloseTo(expected, within(1e-12));
        assertThat(ErlangC.metrics(190, 1, 200).responsePercentile(0.99)).isFinite();
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }

    @Test
    void littlesLawHolds() {
        QueueMetrics m = ErlangC.metrics(8, 1, 10);
        double rho = m.utilisation();
        // Lq = C rho / (1 - rho) is the textbook form; the model computes lambda Wq
        assertThat(m.meanQueueLength()).isCloseTo(m.probabilityOfWait() * rho / (1 - rho), within(1e-12));
        assertThat(m.meanInSystem()).isCloseTo(m.meanQueueLength() + m.offeredLoad(), within(1e-12));
        assertThat(m.meanResponse()).isCloseTo(m.meanWait() + 1, within(1e-12));
    }

    @Test
    void percentileInversionRoundTrips() {
        for (int c : new int[] {1, 2, 5, 40}) {
            QueueMetrics m = ErlangC.metrics(0.85 * c * 50, 50, c);
            for (double q : new double[] {0.5, 0.9, 0.95, 0.99, 0.999}) {
                double t = m.responsePercentile(q);
                assertThat(m.responseExceedance(t)).isCloseTo(1 - q, within(1e-9));
                double w = m.waitPercentile(q);
                if (w > 0) {
                    assertThat(m.waitExceedance(w)).isCloseTo(1 - q, within(1e-12));
                }
            }
        }
        // M/M/1 sojourn is exponential with rate mu - lambda: p95 = ln 20 / (mu - lambda)
        assertThat(ErlangC.metrics(30, 50, 1).responsePercentile(0.95)).isCloseTo(Math.log(20) / 20, within(1e-9));
        // theta == mu branch: c = 2, lambda = mu
        QueueMetrics edge = ErlangC.metrics(50, 50, 2);
        assertThat(edge.responseExceedance(edge.responsePercentile(0.95))).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void responsePercentileAgreesWithASeededSimulation() {
        int c = 3;
        double lambda = 2.4;
        double mu = 1;
        SplittableRandom r = new SplittableRandom(21);
        int customers = 400_000;
        double[] free = new double[c];
        double[] sojourn = new double[customers];
        double clock = 0;
        for (int i = 0; i < customers; i++) {
            clock += -Math.log(1 - r.nextDouble()) / lambda;
            int server = 0;
            for (int s = 1; s < c; s++) {
                if (free[s] < free[server]) {
                    server = s;
                }
            }
            double start = Math.max(clock, free[server]);
            free[server] = start - Math.log(1 - r.nextDouble()) / mu;
            sojourn[i] = free[server] - clock;
        }
        double[] steady = Arrays.copyOfRange(sojourn, 10_000, customers);
        Arrays.sort(steady);
        double simulatedP95 = steady[(int) (0.95 * steady.length)];
        double modelP95 = ErlangC.metrics(lambda, mu, c).responsePercentile(0.95);
        assertThat(simulatedP95).isCloseTo(modelP95, within(0.03 * modelP95));
    }

    @Test
    void sizesServersForALatencyTargetAndExplainsImpossibleTargets() {
        // 800 req/s at 125 req/s per pod (8 ms service): p95 <= 50 ms
        int c = ErlangC.serversForResponsePercentile(800, 125, 0.95, 0.050, 50);
        assertThat(ErlangC.metrics(800, 125, c).responsePercentile(0.95)).isLessThanOrEqualTo(0.050);
        assertThat(ErlangC.metrics(800, 125, c - 1).responsePercentile(0.95)).isGreaterThan(0.050);
        assertThatThrownBy(() -> ErlangC.serversForResponsePercentile(800, 125, 0.95, 0.010, 50))
                .hasMessageContaining("service time alone");
        QueueMetrics overloaded = ErlangC.metrics(800, 125, 6);
        assertThat(overloaded.stable()).isFalse();
        assertThat(overloaded.responsePercentile(0.95)).isInfinite();
        assertThat(overloaded.evidence().notes()).anyMatch(n -> n.contains("unstable"));
    }
}
