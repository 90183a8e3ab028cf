package dev.failoverlab.harness.policy;

import dev.failoverlab.agent.port.Routing;
import java.util.Map;

/** Which colour users are on: the Service selector's colour, or under a weighted split the larger share. */
final class ActiveColor {

    private ActiveColor() {
    }

    static String of(Routing routing) {
        if (routing.selectorColor() != null) {
            return routing.selectorColor();
        }
        String best = null;
        double bestShare = -1;
        for (Map.Entry<String, Double> e : routing.shareByColor().entrySet()) {
            // ties go to the alphabetically first colour so the answer never depends on map order
            if (e.getValue() > bestShare || e.getValue() == bestShare && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                bestShare = e.getValue();
            }
        }
        if (best == null) {
            throw new IllegalStateException("routing names no colour: " + routing);
        }
        return best;
    }
}
