package dev.failoverlab.harness.score;

import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.RunRecording;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives traffic moves from applied SPLIT and SELECTOR events. The actuator records only applied changes, so
 * the shares are rebuilt from the event values alone: initially 100 % on the scenario's active colour; a
 * SELECTOR event puts 100 % on its colour; a SPLIT event (value like {@code blue=70,green=30}) sets the listed
 * shares and 0 for unlisted colours. Events that leave every share unchanged are not moves.
 */
public final class TrafficMoves {
    private TrafficMoves() {
    }

    public static List<TrafficMove> derive(RunRecording run, Scenario scenario) {
        List<String> colours = run.colors();
        String active = scenario.cluster().active();
        if (!colours.contains(active)) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "' starts on colour '" + active
                    + "' but run " + run.key() + " recorded colours " + colours);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String c : colours) {
            shares.put(c, c.equals(active) ? 100.0 : 0.0);
        }
        List<TrafficMove> moves = new ArrayList<>();
        for (RunEvent e : run.events()) {
            if (e.kind() != RunEvent.Kind.SPLIT && e.kind() != RunEvent.Kind.SELECTOR) {
                continue;
            }
            String where = "run " + run.key() + ", " + e.kind() + " event at t=" + Num.of(e.tSeconds()) + " s";
            Map<String, Double> next = e.kind() == RunEvent.Kind.SELECTOR
                    ? selector(scenario, colours, e.value(), where)
                    : split(scenario, colours, e.value(), where);
            TrafficMove move = new TrafficMove(e.tSeconds(), e.source(), e.kind(), shares, next);
            if (!move.lowered(colours).isEmpty() || !move.raised(colours).isEmpty()) {
                moves.add(move);
            }
            shares = next;
        }
        return moves;
    }

    private static Map<String, Double> selector(Scenario scenario, List<String> colours, String value,
                                                String where) {
        String target = Colours.of(scenario, colours, value.trim(), where);
        Map<String, Double> next = new LinkedHashMap<>();
        for (String c : colours) {
            next.put(c, c.equals(target) ? 100.0 : 0.0);
        }
        return next;
    }

    /** Parses {@code blue=70,green=30}; the shares must sum to 100 (±0.5 for rounding). */
    static Map<String, Double> split(Scenario scenario, List<String> colours, String value, String where) {
        Map<String, Double> next = new LinkedHashMap<>();
        for (String c : colours) {
            next.put(c, 0.0);
        }
        double sum = 0;
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw badSplit(value, where);
            }
            String colour = Colours.of(scenario, colours, part.substring(0, eq).trim(), where);
            double share;
            try {
                share = Double.parseDouble(part.substring(eq + 1).trim());
            } catch (NumberFormatException ex) {
                throw badSplit(value, where);
            }
            if (share < 0 || share > 100) {
                throw badSplit(value, where);
            }
            next.put(colour, share);
            sum += share;
        }
        if (Math.abs(sum - 100) > 0.5) {
            throw new IllegalArgumentException(where + ": split '" + value + "' sums to " + Num.of(sum)
                    + " %, expected 100");
        }
        return next;
    }

    private static IllegalArgumentException badSplit(String value, String where) {
        return new IllegalArgumentException(where + ": split '" + value
                + "' is not of the form colour=percent,colour=percent (e.g. blue=70,green=30)");
    }
}
