package dev.failoverlab.harness.score;

import dev.failoverlab.harness.scenario.DeploymentSpec;
import dev.failoverlab.harness.scenario.Scenario;
import java.util.List;

/** Resolves the target of an event or fault, written as a colour or a deployment name, to a colour. */
final class Colours {
    private Colours() {
    }

    static String of(Scenario scenario, List<String> colours, String nameOrColour, String where) {
        if (colours.contains(nameOrColour)) {
            return nameOrColour;
        }
        for (DeploymentSpec d : scenario.cluster().deployments()) {
            if (d.name().equals(nameOrColour)) {
                return d.color();
            }
        }
        throw new IllegalArgumentException(where + ": '" + nameOrColour + "' is neither a colour " + colours
                + " nor a deployment of scenario '" + scenario.name() + "'; the raw data does not match the scenario");
    }
}
