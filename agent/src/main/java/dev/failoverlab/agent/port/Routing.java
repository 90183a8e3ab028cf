package dev.failoverlab.agent.port;

import java.util.Map;

/**
 * Where the Service sends new requests: a share in [0,1] per colour, summing to 1.
 * {@code selectorColor} is set when the Service selects a single colour (the classic blue/green switch),
 * null when traffic is split by weight.
 */
public record Routing(Map<String, Double> shareByColor, String selectorColor) {

    public double share(String color) {
        return shareByColor.getOrDefault(color, 0.0);
    }
}
