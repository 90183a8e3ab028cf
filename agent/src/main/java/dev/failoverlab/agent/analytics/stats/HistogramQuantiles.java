package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Locale;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Percentiles from cumulative histograms, computed exactly as Prometheus's {@code histogram_quantile} (linear
 * interpolation inside the bucket holding rank {@code q n}; the first bucket starts at 0; a rank in the
 * {@code +Inf} bucket returns the highest finite bound), so the agent's p95 matches the operator's dashboard.
 *
 * <p>The confidence interval is the classical distribution-free one for a quantile (e.g. Conover, "Practical
 * Nonparametric Statistics", sec. 3.2): the number of observations below the true q-quantile is Binomial(n, q),
 * so order statistics {@code X(l)} and {@code X(u)} with {@code l = qbinom(alpha/2)} and
 * {@code u = qbinom(1 - alpha/2) + 1} bracket it with probability at least {@code 1 - alpha}. No bootstrap and no
 * raw samples needed: an order statistic's bucket is known from the cumulative counts, which gives bounds that
 * are conservative whatever the shape inside buckets, and an interpolated pair for display.
 */
public final class HistogramQuantiles {

    private HistogramQuantiles() {
    }

    /** {@code histogram_quantile(q, h)}; NaN for an empty histogram, like Prometheus. */
    public static double quantile(CumulativeHistogram h, double q) {
        Require.inRange("quantile q", q, 0, 1);
        long n = h.total();
        return n == 0 ? Double.NaN : valueAtRank(h, q * n);
    }

    /**
     * The value at (possibly fractional) rank {@code rank} in {@code [0, n]}, interpolated like
     * {@code histogram_quantile}.
     */
    static double valueAtRank(CumulativeHistogram h, double rank) {
        int last = h.bucketCount() - 1;
        int b = 0;
        while (b < last && h.cumulative(b) < rank) {
            b++;
        }
        if (b == last) {
            return h.upperBound(last - 1);
        }
        if (b == 0 && h.upperBound(0) <= 0) {
            return h.upperBound(0);
        }
        double start = b == 0 ? 0 : h.upperBound(b - 1);
        double end = h.upperBound(b);
        long below = b == 0 ? 0 : h.cumulative(b - 1);
        long inBucket = h.cumulative(b) - below;
        return inBucket == 0 ? end : start + (end - start) * ((rank - below) / inBucket);
    }

    /** Index of the bucket holding the {@code rank}-th (1-based) observation. */
    private static int bucketOfRank(CumulativeHistogram h, long rank) {
        int b = 0;
        while (b < h.bucketCount() - 1 && h.cumulative(b) < rank) {
            b++;
        }
        return b;
    }

    /**
     * Fraction of observations above {@code x}, interpolating inside the bucket holding {@code x}. Above the highest
     * finite bound the answer is the overflow fraction, an upper bound (overflow observations may lie below x).
     */
    public static double fractionAbove(CumulativeHistogram h, double x) {
        long n = h.total();
        if (n == 0) {
            return Double.NaN;
        }
        int last = h.bucketCount() - 1;
        for (int b = 0; b < last; b++) {
            double end = h.upperBound(b);
            if (x <= end) {
                double start = b == 0 ? Math.min(0, end) : h.upperBound(b - 1);
                long below = b == 0 ? 0 : h.cumulative(b - 1);
                double inBucket = h.cumulative(b) - below;
                double frac = end == start ? 1 : Math.max(0, (x - start) / (end - start));
                return (n - below - frac * inBucket) / n;
            }
        }
        return (double) (n - h.cumulative(last - 1)) / n;
    }

    /** Percentile {@code q} with a {@code confidence} interval from the binomial order-statistic method. */
    public static QuantileEstimate estimate(CumulativeHistogram h, double q, double confidence) {
        Require.openUnit("quantile q", q);
        Require.openUnit("confidence", confidence);
        long n = h.total();
        if (n == 0) {
            throw new IllegalArgumentException("histogram is empty (no requests in the window); there is no p"
                    + Math.round(q * 100) + " to estimate, report 'no data'");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("histogram holds " + n + " observations; narrow the window");
        }
        BinomialDistribution below = new BinomialDistribution(null, (int) n, q);
        double alpha = 1 - confidence;
        long l = below.inverseCumulativeProbability(alpha / 2);
        long u = below.inverseCumulativeProbability(1 - alpha / 2) + 1L;
        ModelEvidence.Builder ev = ModelEvidence.of("histogram-quantile+order-statistic-ci")
                .param("q", q).param("confidence", confidence).param("count", n)
                .param("lower_rank", l).param("upper_rank", u);
        double value = valueAtRank(h, q * n);
        double lower;
        double lowerConservative;
        if (l < 1) {
            lower = 0;
            lowerConservative = 0;
            ev.note("too few observations for a lower order statistic; lower bound is 0");
        } else {
            int b = bucketOfRank(h, l);
            lower = valueAtRank(h, l);
            lowerConservative = b == 0 ? Math.min(0, h.upperBound(0)) : h.upperBound(b - 1);
        }
        double upper;
        double upperConservative;
        if (u > n) {
            upper = Double.POSITIVE_INFINITY;
            upperConservative = Double.POSITIVE_INFINITY;
            ev.note(String.format(Locale.ROOT, "%d observations are too few to bound p%s from above at %.0f %%",
                    n, trim(q * 100), confidence * 100));
        } else {
            int b = bucketOfRank(h, u);
            upper = valueAtRank(h, u);
            upperConservative = h.upperBound(b);
            if (b == h.bucketCount() - 1) {
                ev.note("upper order statistic lies in the +Inf bucket; add a larger bucket bound to bound it");
            }
        }
        ev.output("value", value).output("lower", lower).output("upper", upper)
                .output("lower_conservative", lowerConservative).output("upper_conservative", upperConservative)
                .note("value interpolated like Prometheus histogram_quantile");
        return new QuantileEstimate(q, value, lower, upper, lowerConservative, upperConservative, n, confidence,
                ev.build());
    }

    private static String trim(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent)
                : String.format(Locale.ROOT, "%.1f", percent);
    }
}
