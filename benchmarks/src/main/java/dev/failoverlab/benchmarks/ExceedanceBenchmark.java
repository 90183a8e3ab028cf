package dev.failoverlab.benchmarks;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.forecast.Exceedance;
import dev.failoverlab.agent.analytics.forecast.ExceedanceProbability;
import dev.failoverlab.agent.analytics.forecast.IntervalMethod;
import dev.failoverlab.agent.analytics.forecast.Forecast;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The exceedance probability of a 40-step (10 min at 15 s) forecast with 5,000 paths, side by side: Holt weights
 * (accumulated recursively, O(steps) per path) and seasonal weights of the same size (direct convolution,
 * O(steps^2) per path). The ratio is the gain of the recursion for the non-seasonal models.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExceedanceBenchmark {

    @Param({"holt", "seasonal"})
    public String weights;

    private Forecast forecast;

    @Setup(Level.Trial)
    public void setUp() {
        int h = 40;
        double[] point = new double[h];
        double[] sigma = new double[h];
        double[] c = new double[h];
        c[0] = 1;
        double cumulative = 0;
        for (int j = 0; j < h; j++) {
            point[j] = 0.40 + 0.002 * j;
            if (j > 0) {
                c[j] = weights.equals("holt") ? 0.3 + 0.05 * j : 0.3 + (j % 8 == 0 ? 0.4 : 0);
            }
            cumulative += c[j] * c[j];
            sigma[j] = 0.02 * Math.sqrt(cumulative);
        }
        forecast = new Forecast(weights, point, sigma, c, List.of(), IntervalMethod.ANALYTIC,
                ModelEvidence.of(weights).build());
    }

    @Benchmark
    public Exceedance fiveThousandPaths() {
        return ExceedanceProbability.estimate(forecast, 0.5, 0, 15, 5000, 7);
    }
}
