package dev.failoverlab.agent.analytics.stats;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;
import java.util.List;

/**
 * Two latency histograms compared: is there any difference in shape (chi-square), is A slower (grouped rank-sum),
 * and by how much at the percentiles that matter.
 *
 * @param chiSquare                  homogeneity statistic over the merged buckets (NaN when not computable)
 * @param chiSquareDegreesOfFreedom  merged bucket groups minus one
 * @param chiSquarePValue            P-value of "same distribution" (1 when fewer than two groups remain)
 * @param probabilityOfSuperiority   P(a request of A is slower than one of B), bucket ties counted one half
 * @param rankSumZ                   tie-corrected z of the grouped rank-sum statistic
 * @param pValueASlower              one-sided P-value against "A is not slower than B"
 * @param pValueTwoSided             two-sided rank-sum P-value
 * @param quantilesA                 A's percentiles with confidence intervals
 * @param quantilesB                 B's percentiles, same levels
 * @param evidence                   method, merged buckets and the values above
 */
public record HistogramComparisonResult(double chiSquare, int chiSquareDegreesOfFreedom, double chiSquarePValue,
        double probabilityOfSuperiority, double rankSumZ, double pValueASlower, double pValueTwoSided,
        List<QuantileEstimate> quantilesA, List<QuantileEstimate> quantilesB, ModelEvidence evidence)
        implements HasEvidence {

    public HistogramComparisonResult {
        quantilesA = List.copyOf(quantilesA);
        quantilesB = List.copyOf(quantilesB);
    }

    /** Whether A's and B's confidence intervals for the {@code i}-th requested percentile do not overlap. */
    public boolean percentileIntervalsSeparate(int i) {
        QuantileEstimate a = quantilesA.get(i);
        QuantileEstimate b = quantilesB.get(i);
        return a.lowerConservative() > b.upperConservative() || b.lowerConservative() > a.upperConservative();
    }
}
