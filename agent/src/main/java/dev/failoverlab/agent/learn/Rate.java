package dev.failoverlab.agent.learn;

/**
 * A measured proportion with its Wilson 95 % interval.
 *
 * @param hits  episodes that counted as right
 * @param n     episodes scored
 * @param value hits / n
 * @param low   lower end of the 95 % Wilson interval
 * @param high  upper end
 */
public record Rate(int hits, int n, double value, double low, double high) {

    public static Rate of(int hits, int n) {
        Stats.Interval ci = Stats.wilson(hits, n);
        return new Rate(hits, n, ci.estimate(), ci.low(), ci.high());
    }
}
