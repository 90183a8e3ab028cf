package dev.failoverlab.harness.score;

import java.util.ArrayList;
import java.util.List;

/**
 * How traffic moves are judged against the fault timeline.
 *
 * Only failovers (moves of the primary colour, see {@link TrafficMove#isFailover()}) are judged as false or as
 * flaps; a partial move towards a faulted colour (a canary) is noted but not counted.
 *
 * @param flaps          failovers that gave primacy back to a colour that lost it in a failover within the window
 * @param falseFailovers failovers away from a colour with no active fault, or towards a colour with one
 * @param notes          one line per flap, false failover or partial move towards a faulted colour
 */
public record MoveFindings(int flaps, int falseFailovers, List<String> notes) {
    /** A move back within this many seconds after a move away is a flap. */
    public static final double FLAP_WINDOW_SECONDS = 600;

    public MoveFindings {
        notes = List.copyOf(notes);
    }

    public static MoveFindings judge(List<TrafficMove> moves, FaultWindows faults, List<String> colours) {
        int flaps = 0;
        int falseFailovers = 0;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < moves.size(); i++) {
            TrafficMove move = moves.get(i);
            if (!move.isFailover()) {
                String canary = falseFailover(move, faults, colours);
                if (canary != null && !move.raised(colours).isEmpty()
                        && canary.contains("which had an active fault")) {
                    notes.add("partial move at t=" + Num.of(move.tSeconds()) + " s: " + move.describe(colours)
                            + " (" + canary + "; not a failover: the primary kept most traffic)");
                }
                continue;
            }
            String flapOf = flapOf(moves, i, colours);
            if (flapOf != null) {
                flaps++;
                notes.add("flap at t=" + Num.of(move.tSeconds()) + " s: " + move.describe(colours)
                        + " (" + flapOf + ")");
            }
            String why = falseFailover(move, faults, colours);
            if (why != null) {
                falseFailovers++;
                notes.add("false failover at t=" + Num.of(move.tSeconds()) + " s: "
                        + move.describe(colours) + " (" + why + ")");
            }
        }
        return new MoveFindings(flaps, falseFailovers, notes);
    }

    /** Why move {@code i} is a flap, or null: it raises a colour that an earlier move lowered within the window. */
    private static String flapOf(List<TrafficMove> moves, int i, List<String> colours) {
        TrafficMove move = moves.get(i);
        for (String colour : move.raised(colours)) {
            for (int j = i - 1; j >= 0; j--) {
                TrafficMove earlier = moves.get(j);
                double gap = move.tSeconds() - earlier.tSeconds();
                if (gap > FLAP_WINDOW_SECONDS + TrafficMove.EPSILON) {
                    break;
                }
                if (earlier.isFailover() && earlier.lowers(colour)) {
                    return colour + " was lowered " + Num.of(gap) + " s earlier";
                }
            }
        }
        return null;
    }

    /** Why a move is a false failover (every reason that applies, joined by "; "), or null. */
    private static String falseFailover(TrafficMove move, FaultWindows faults, List<String> colours) {
        List<String> reasons = new ArrayList<>();
        for (String colour : move.lowered(colours)) {
            if (!faults.activeOn(colour, move.tSeconds())) {
                reasons.add("away from " + colour + ", which had no active fault");
            }
        }
        for (String colour : move.raised(colours)) {
            if (faults.activeOn(colour, move.tSeconds())) {
                reasons.add("towards " + colour + ", which had an active fault");
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
