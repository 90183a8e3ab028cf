package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Deployment and ReplicaSet controllers: keep {@code spec.replicas} pods, and roll a new template out with
 * maxSurge 25 % (rounded up) and maxUnavailable 25 % (rounded down), as Kubernetes does: scale the new revision
 * up within {@code replicas + maxSurge}, delete unready old pods first, then old ready pods only while at least
 * {@code replicas − maxUnavailable} pods stay ready. Scale-down deletes pods by the ReplicaSet rule: unscheduled
 * first, then not ready, then more restarts, then newest. Runs on every pod state change and every scale.
 */
final class DeploymentController {
    /** ReplicaSet deletion preference: the first in this order goes first. */
    private static final Comparator<SimPod> DELETION_ORDER = Comparator
            .comparingInt((SimPod p) -> p.state == SimPod.State.PENDING ? 0 : 1)
            .thenComparingInt(p -> p.ready ? 1 : 0)
            .thenComparingInt(p -> -p.restarts)
            .thenComparingDouble(p -> -p.createdAt)
            .thenComparingLong(p -> -p.serial);

    private final Simulation sim;

    DeploymentController(Simulation sim) {
        this.sim = sim;
    }

    /** Applies an env patch: a new (or earlier) template revision, rolled out by reconcile. */
    void patch(SimDeployment d, FaultSpec.PatchEnv patch) {
        d.revision = d.templates.patch(d.revision, patch);
        reconcile(d);
    }

    /** Brings the pods towards the spec; re-entrant calls (a deletion that finishes at once) loop here. */
    void reconcile(SimDeployment d) {
        if (d.reconciling) {
            d.reconcileAgain = true;
            return;
        }
        d.reconciling = true;
        try {
            do {
                d.reconcileAgain = false;
                reconcileOnce(d);
            } while (d.reconcileAgain);
        } finally {
            d.reconciling = false;
        }
    }

    static int maxSurge(int replicas) {
        return (replicas + 3) / 4;
    }

    static int maxUnavailable(int replicas) {
        int unavailable = replicas / 4;
        // Kubernetes resolves surge = unavailable = 0 to unavailable = 1
        return maxSurge(replicas) == 0 && unavailable == 0 ? 1 : unavailable;
    }

    private void reconcileOnce(SimDeployment d) {
        int replicas = d.specReplicas;
        List<SimPod> newPods = new ArrayList<>();
        List<SimPod> oldPods = new ArrayList<>();
        for (SimPod p : d.pods) {
            if (p.state != SimPod.State.TERMINATING) {
                (p.revision == d.revision ? newPods : oldPods).add(p);
            }
        }
        if (oldPods.isEmpty()) {
            int diff = replicas - newPods.size();
            for (int i = 0; i < diff; i++) {
                sim.kubelet.create(d);
            }
            if (diff < 0) {
                deleteSome(newPods, -diff);
            }
            return;
        }
        int live = newPods.size() + oldPods.size();
        if (newPods.size() > replicas) {
            deleteSome(newPods, newPods.size() - replicas);
            return;
        }
        int scaleUp = Math.min(replicas + maxSurge(replicas) - live, replicas - newPods.size());
        for (int i = 0; i < scaleUp; i++) {
            newPods.add(sim.kubelet.create(d));
            live++;
        }
        int minAvailable = replicas - maxUnavailable(replicas);
        int newUnavailable = 0;
        for (SimPod p : newPods) {
            if (!p.ready) {
                newUnavailable++;
            }
        }
        // first old pods that are not ready anyway, within what the surge allows
        int cleanup = live - minAvailable - newUnavailable;
        List<SimPod> oldUnready = new ArrayList<>();
        for (SimPod p : oldPods) {
            if (!p.ready) {
                oldUnready.add(p);
            }
        }
        if (cleanup > 0) {
            deleteSome(oldUnready, cleanup);
        }
        oldPods.removeIf(p -> p.state == SimPod.State.GONE || p.state == SimPod.State.TERMINATING);
        // then ready old pods, keeping minAvailable ready
        int readyNow = 0;
        for (SimPod p : d.pods) {
            if (p.ready) {
                readyNow++;
            }
        }
        int scaleDown = readyNow - minAvailable;
        if (scaleDown > 0) {
            deleteSome(oldPods, scaleDown);
        }
    }

    /** Deletes up to {@code count} of {@code candidates} in ReplicaSet order; returns how many. */
    private int deleteSome(List<SimPod> candidates, int count) {
        List<SimPod> ranked = new ArrayList<>(candidates);
        ranked.sort(DELETION_ORDER);
        int n = Math.min(count, ranked.size());
        for (int i = 0; i < n; i++) {
            sim.kubelet.delete(ranked.get(i));
        }
        return n;
    }
}
