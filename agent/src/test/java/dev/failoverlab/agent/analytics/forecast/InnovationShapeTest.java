package dev.failoverlab.agent.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The O(1)-per-step path errors equal the direct convolution for every non-seasonal weight shape. */
final class InnovationShapeTest {

    private static double[] weights(int n, IntToDoubleFunction cj) {
        double[] c = new double[n];
        c[0] = 1;
        for (int j = 1; j < n; j++) {
            c[j] = cj.applyAsDouble(j);
        }
        return c;
    }

    private static double[] convolved(double[] c, double[] eps) {
        double[] e = new double[eps.length];
        for (int h = 0; h < eps.length; h++) {
            for (int j = 0; j <= h; j++) {
                e[h] += c[j] * eps[h - j];
            }
        }
        return e;
    }

    private static void assertSamePaths(double[] c) {
        InnovationShape shape = InnovationShape.of(c);
        assertThat(shape).as("shape recognised").isNotNull();
        SplittableRandom random = new SplittableRandom(42);
        for (int path = 0; path < 50; path++) {
            double[] eps = new double[c.length];
            for (int h = 0; h < eps.length; h++) {
                eps[h] = random.nextGaussian();
            }
            double[] expected = convolved(c, eps);
            double[] actual = shape.errors(eps);
            for (int h = 0; h < eps.length; h++) {
                assertThat(actual[h]).isCloseTo(expected[h], within(1e-9));
            }
        }
    }

    @Test
    void sesHoltDampedNaiveAndOlsWeightsAccumulateRecursively() {
        int n = 40;
        assertSamePaths(weights(n, j -> 0.3));                       // SES, alpha 0.3
        assertSamePaths(weights(n, j -> 1.0));                       // naive (random walk)
        assertSamePaths(weights(n, j -> 0.0));                       // OLS: independent errors
        assertSamePaths(weights(n, j -> 0.3 + 0.1 * j));             // Holt, alpha 0.3, beta 0.1
        assertSamePaths(weights(n, j -> {                            // damped Holt, phi 0.9
            double w = 0;
            double p = 1;
            for (int i = 1; i <= j; i++) {
                p *= 0.9;
                w += p;
            }
            return 0.4 + 0.05 * w;
        }));
    }

    @Test
    void seasonalWeightsAreNotMistakenForTheShape() {
        assertThat(InnovationShape.of(weights(40, j -> 0.3 + (j % 4 == 0 ? 0.2 : 0)))).isNull();
        assertThat(InnovationShape.of(weights(40, j -> j % 24 == 0 ? 1 : 0))).isNull();
    }
}
