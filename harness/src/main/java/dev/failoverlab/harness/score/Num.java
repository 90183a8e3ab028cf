package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.Decimals;

/** Compact Locale.ROOT numbers for one-line reasons: at most {@code decimals} decimals, trailing zeros trimmed. */
final class Num {
    private Num() {
    }

    static String of(double v) {
        return of(v, 1);
    }

    static String of(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        return Decimals.trimmed(v, decimals);
    }
}
