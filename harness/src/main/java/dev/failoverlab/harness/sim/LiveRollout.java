package dev.failoverlab.harness.sim;

import java.util.Locale;

/**
 * A Deployment's rollout as {@code kubectl rollout status} judges it: complete when every desired replica runs the
 * latest template, no old pod is left and every pod is available (ready; the demo sets no minReadySeconds).
 *
 * @param replicas  pods not terminating ({@code status.replicas})
 * @param available ready pods ({@code status.availableReplicas})
 */
public record LiveRollout(String deployment, int specReplicas, int updatedReplicas, int replicas, int available,
                          boolean complete) {

    static LiveRollout of(SimDeployment d) {
        int live = 0;
        for (SimPod p : d.pods) {
            if (p.state != SimPod.State.TERMINATING) {
                live++;
            }
        }
        int updated = d.updatedReplicas();
        boolean complete = updated >= d.specReplicas && live <= updated && d.readyCount >= updated;
        return new LiveRollout(d.name, d.specReplicas, updated, live, d.readyCount, complete);
    }

    /** kubectl's wording for this state (the lines {@code kubectl rollout status} prints). */
    public String message() {
        if (updatedReplicas < specReplicas) {
            return String.format(Locale.ROOT,
                    "Waiting for deployment \"%s\" rollout to finish: %d out of %d new replicas have been updated...",
                    deployment, updatedReplicas, specReplicas);
        }
        if (replicas > updatedReplicas) {
            return String.format(Locale.ROOT,
                    "Waiting for deployment \"%s\" rollout to finish: %d old replicas are pending termination...",
                    deployment, replicas - updatedReplicas);
        }
        if (available < updatedReplicas) {
            return String.format(Locale.ROOT,
                    "Waiting for deployment \"%s\" rollout to finish: %d of %d updated replicas are available...",
                    deployment, available, updatedReplicas);
        }
        return "deployment \"" + deployment + "\" successfully rolled out";
    }
}
