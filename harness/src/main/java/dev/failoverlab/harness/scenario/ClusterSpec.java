package dev.failoverlab.harness.scenario;

import java.util.List;

/** The blue/green pair: namespace, Service, which colour is active at the start, and the two Deployments. */
public record ClusterSpec(String namespace, String service, String active, List<DeploymentSpec> deployments) {

    public ClusterSpec {
        deployments = List.copyOf(deployments);
    }

    public DeploymentSpec deployment(String name) {
        return deployments.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deployment " + name));
    }

    public DeploymentSpec byColor(String color) {
        return deployments.stream().filter(d -> d.color().equals(color)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deployment of colour " + color));
    }

    /** The colour that is not {@code color} (the pair has exactly two). */
    public String otherColor(String color) {
        return deployments.stream().map(DeploymentSpec::color).filter(c -> !c.equals(color)).findFirst()
                .orElseThrow();
    }
}
