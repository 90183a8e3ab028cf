package dev.failoverlab.agent.observe;

import java.time.Instant;
import java.util.List;

/**
 * Both colours at one instant, plus the request-rate history used for forecasting.
 *
 * @param activeColor  the colour with the largest traffic share (the selector's colour when one is set)
 * @param rateHistory  total request rate of the service per scrape interval, oldest first (may be empty)
 * @param historyStepSeconds spacing of {@code rateHistory}
 */
public record ServiceObservation(
        Instant at,
        String namespace,
        String service,
        String activeColor,
        List<ColorObservation> colors,
        double[] rateHistory,
        double historyStepSeconds) {

    public ServiceObservation {
        colors = List.copyOf(colors);
    }

    public ColorObservation color(String color) {
        return colors.stream().filter(c -> c.color().equals(color)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no colour " + color));
    }

    /** The colour that is not {@code color}. */
    public ColorObservation other(String color) {
        return colors.stream().filter(c -> !c.color().equals(color)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no colour other than " + color));
    }

    public ColorObservation active() {
        return color(activeColor);
    }

    /** Requests per second across both colours over the window. */
    public double totalRps() {
        double sum = 0;
        for (ColorObservation c : colors) {
            if (!Double.isNaN(c.rps())) {
                sum += c.rps();
            }
        }
        return sum;
    }
}
