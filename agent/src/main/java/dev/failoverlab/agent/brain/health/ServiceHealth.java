package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.analytics.stats.HistogramComparisonResult;
import dev.failoverlab.agent.analytics.stats.ProportionComparison;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ServiceObservation;
import dev.failoverlab.agent.port.DeploymentInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Both colours assessed in one query, with the colour-against-colour tests when both carry traffic.
 *
 * @param colors            one entry per colour, in deployment order (empty when the API server failed)
 * @param deployments       the Deployments by colour (for prices and pod requests)
 * @param errorComparison   first colour's error rate against the second's (null unless both have traffic)
 * @param latencyComparison first colour's latency histogram against the second's (null unless both have traffic)
 * @param evidence          the response's evidence, still open for the endpoint to add to
 */
public record ServiceHealth(Instant at, ServiceObservation observation, List<ColorHealth> colors,
        Map<String, DeploymentInfo> deployments, ProportionComparison errorComparison,
        HistogramComparisonResult latencyComparison, double sloLatencyMs, double slowAllowance, double errorLimit,
        Evidence evidence) {

    /** One-sided level at which a colour counts as significantly worse than the other. */
    static final double WORSE_ALPHA = 0.05;

    public ServiceHealth {
        colors = List.copyOf(colors);
        deployments = Map.copyOf(deployments);
    }

    public ColorHealth color(String color) {
        return colors.stream().filter(c -> c.color().equals(color)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no colour " + color + "; colours: "
                        + colors.stream().map(ColorHealth::color).toList()));
    }

    public ColorHealth other(String color) {
        return colors.stream().filter(c -> !c.color().equals(color)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no colour other than " + color));
    }

    /** The two colours are known (the API server answered). */
    public boolean pairKnown() {
        return colors.size() == 2;
    }

    /** The Service's active colour (selector, else largest share); null when unknown. */
    public String activeColor() {
        return observation.activeColor();
    }

    /** Requests per second over both colours (short window where available). */
    public double totalRps() {
        double sum = 0;
        for (ColorHealth c : colors) {
            double r = c.rps();
            if (Double.isFinite(r)) {
                sum += r;
            }
        }
        return sum;
    }

    /** Requests per second affected (slow or failed) over both colours. */
    public double affectedRps() {
        double sum = 0;
        for (ColorHealth c : colors) {
            if (Double.isFinite(c.affectedRps())) {
                sum += c.affectedRps();
            }
        }
        return sum;
    }

    /**
     * Whether {@code a} is significantly worse than {@code b} on what they both served: a higher error rate (one-sided
     * test at {@value #WORSE_ALPHA}) above the SLO, or slower latency (grouped rank-sum) with a slow fraction above the
     * allowance.
     */
    public boolean significantlyWorse(String a, String b) {
        if (colors.size() != 2 || a.equals(b)) {
            return false;
        }
        boolean aFirst = colors.get(0).color().equals(a);
        ColorHealth ca = color(a);
        boolean errorsWorse = false;
        if (errorComparison != null) {
            double d = aFirst ? errorComparison.difference() : -errorComparison.difference();
            double p = aFirst ? errorComparison.pValueGreater() : errorComparison.pValueTwoSided() / 2;
            errorsWorse = d > 0 && p < WORSE_ALPHA && ca.errorsLong().estimate() > errorLimit;
        }
        boolean slower = false;
        if (latencyComparison != null) {
            double superiority = aFirst ? latencyComparison.probabilityOfSuperiority()
                    : 1 - latencyComparison.probabilityOfSuperiority();
            double p = aFirst ? latencyComparison.pValueASlower() : latencyComparison.pValueTwoSided() / 2;
            slower = superiority > 0.5 && p < WORSE_ALPHA && ca.latencyLong().estimate() > slowAllowance;
        }
        return errorsWorse || slower;
    }
}
