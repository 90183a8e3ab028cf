package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.analytics.change.Cusum;
import java.util.HashMap;
import java.util.Map;

/**
 * The health part of {@link dev.failoverlab.agent.brain.AgentState}: one {@link ColorMemory} per colour and the
 * CUSUM design characteristics, computed once per decision interval (a Brook-Evans solve costs milliseconds).
 * Callers synchronise on this object while they read or change a colour's memory.
 */
public final class HealthMemory {
    private final Map<String, ColorMemory> colors = new HashMap<>();
    private final Map<DesignKey, CusumDesign> designs = new HashMap<>();

    private record DesignKey(double k, double h) {
    }

    /** Run-length characteristics of the CUSUM with reference {@code k} and interval {@code h}, in scrape intervals. */
    public record CusumDesign(double k, double h, double arl0, double arl0Siegmund, double delay1sd,
            double delay2sd) {
    }

    /** The memory of {@code color}, created on first use. Hold this object's monitor while using it. */
    public synchronized ColorMemory color(String color) {
        return colors.computeIfAbsent(color, c -> new ColorMemory());
    }

    synchronized CusumDesign design(double k, double h) {
        return designs.computeIfAbsent(new DesignKey(k, h), key -> {
            Cusum c = new Cusum(k, h);
            return new CusumDesign(k, h, c.markovArl(0), c.siegmundArl(0), c.markovArl(1), c.markovArl(2));
        });
    }
}
