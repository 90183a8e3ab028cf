package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One applied change of the traffic split: each colour's share (percent) before and after.
 *
 * @param source the policy that made the move
 */
public record TrafficMove(double tSeconds, String source, RunEvent.Kind kind, Map<String, Double> before,
                          Map<String, Double> after) {
    static final double EPSILON = 1e-6;

    public TrafficMove {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    public double change(String colour) {
        return after.getOrDefault(colour, 0.0) - before.getOrDefault(colour, 0.0);
    }

    public boolean lowers(String colour) {
        return change(colour) < -EPSILON;
    }

    public boolean raises(String colour) {
        return change(colour) > EPSILON;
    }

    /** Colours whose share went down, in {@code order}. */
    public List<String> lowered(List<String> order) {
        List<String> out = new ArrayList<>();
        for (String c : order) {
            if (lowers(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Colours whose share went up, in {@code order}. */
    public List<String> raised(List<String> order) {
        List<String> out = new ArrayList<>();
        for (String c : order) {
            if (raises(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** For example {@code blue 100→70%, green 0→30%}. */
    /**
     * A failover moves the primary: some colour carried at least half of the traffic before and less than half
     * after. Partial moves (a canary, a load-balancing split) are traffic moves but not failovers.
     */
    public boolean isFailover() {
        for (var e : before.entrySet()) {
            double after = this.after.getOrDefault(e.getKey(), 0.0);
            if (e.getValue() >= 50 - EPSILON && after < 50 - EPSILON) {
                return true;
            }
        }
        return false;
    }

    public String describe(List<String> order) {
        StringBuilder b = new StringBuilder();
        for (String c : order) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(c).append(' ').append(Num.of(before.getOrDefault(c, 0.0))).append('→')
                    .append(Num.of(after.getOrDefault(c, 0.0))).append('%');
        }
        return b.toString();
    }
}
