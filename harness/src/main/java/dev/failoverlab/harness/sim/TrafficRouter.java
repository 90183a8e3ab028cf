package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.Routing;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where the Service sends new requests: all to the selected colour, or split by integer percentages. Picking a
 * colour costs one uniform draw from the routing stream when split, none when a selector is set.
 */
final class TrafficRouter {
    private final String[] colors;
    private final int[] percent;
    private final double[] cumulative;
    private int selector;

    TrafficRouter(String[] colors, int initialSelector) {
        this.colors = colors.clone();
        this.percent = new int[colors.length];
        this.cumulative = new double[colors.length];
        select(initialSelector);
    }

    int pick(SplittableRandom random) {
        if (selector >= 0) {
            return selector;
        }
        double u = random.nextDouble();
        int last = cumulative.length - 1;
        for (int i = 0; i < last; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return last;
    }

    void select(int color) {
        selector = color;
        java.util.Arrays.fill(percent, 0);
        percent[color] = 100;
        refreshCumulative();
    }

    void split(int[] newPercent) {
        selector = -1;
        System.arraycopy(newPercent, 0, percent, 0, percent.length);
        refreshCumulative();
    }

    int selector() {
        return selector;
    }

    boolean isSplit(int[] candidate) {
        return selector < 0 && java.util.Arrays.equals(percent, candidate);
    }

    double share(int color) {
        return percent[color] / 100.0;
    }

    Routing routing() {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < colors.length; i++) {
            shares.put(colors[i], share(i));
        }
        return new Routing(Collections.unmodifiableMap(shares), selector >= 0 ? colors[selector] : null);
    }

    /** {@code blue=70,green=30} in deployment order. */
    static String describe(String[] colors, int[] percent) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < colors.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(colors[i]).append('=').append(percent[i]);
        }
        return b.toString();
    }

    private void refreshCumulative() {
        double sum = 0;
        for (int i = 0; i < percent.length; i++) {
            sum += percent[i];
            cumulative[i] = sum / 100.0;
        }
    }
}
