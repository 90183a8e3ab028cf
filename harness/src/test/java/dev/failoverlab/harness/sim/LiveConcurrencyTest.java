package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A reader thread inspects the cluster while another thread steps it through a rollout, a scale-up and a pod kill:
 * every snapshot must be one consistent instant.
 */
final class LiveConcurrencyTest {

    /** Invariants of one instant; returns what is violated (empty when consistent). */
    private static List<String> check(ClusterView view, double t) {
        List<String> violations = new ArrayList<>();
        for (DeploymentInfo d : view.deployments()) {
            List<PodInfo> pods = view.pods(d.name());
            long ready = pods.stream().filter(PodInfo::ready).count();
            long live = pods.stream().filter(p -> p.phase() != PodInfo.Phase.TERMINATING).count();
            int surge = DeploymentController.maxSurge(d.specReplicas());
            if (ready != d.readyReplicas()) {
                violations.add("t=" + t + " " + d.name() + ": " + ready + " ready pods but readyReplicas "
                        + d.readyReplicas());
            }
            if (d.readyReplicas() > d.specReplicas() + surge || live > d.specReplicas() + surge) {
                violations.add("t=" + t + " " + d.name() + ": ready " + d.readyReplicas() + ", live " + live
                        + " above spec " + d.specReplicas() + " + surge " + surge);
            }
            if (d.updatedReplicas() > live) {
                violations.add("t=" + t + " " + d.name() + ": updated " + d.updatedReplicas() + " > live " + live);
            }
        }
        double shares = view.routing().shareByColor().values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(shares - 1) > 1e-9) {
            violations.add("t=" + t + ": shares sum to " + shares);
        }
        return violations;
    }

    @Test
    void readersSeeConsistentSnapshotsWhileTheModelSteps() throws Exception {
        long[] wall = {0};
        LiveSimulation live = new LiveSimulation(LiveSimulationTest.runbookCluster(60), 5, 1,
                new LiveLoad.Constant(400), () -> wall[0]);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<Double> instants = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            try {
                start.await();
                while (!done.get() || reads.get() < 100) {
                    violations.addAll(live.read(view -> {
                        instants.add(live.sim.clock.now);
                        return check(view, live.sim.clock.now);
                    }));
                    LiveStatus s = live.status(); // the status is built under the lock as well
                    int listed = s.deployments().stream().mapToInt(d -> (int) d.pods().stream()
                            .filter(LiveStatus.Pod::ready).count()).sum();
                    int ready = s.deployments().stream().mapToInt(LiveStatus.Deployment::readyReplicas).sum();
                    if (listed != ready) {
                        violations.add("status at t=" + s.timeSeconds() + ": " + listed + " ready pods listed, "
                                + ready + " ready replicas");
                    }
                    reads.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reader");
        reader.start();
        start.countDown();
        // the stepping thread: small wall steps so the reader lands between many of them
        live.operator().patchEnv("web-blue", Map.of("SLOW_REQUESTS", "20"));
        live.operator().scale("web-green", 4);
        for (int i = 1; i <= 1200; i++) {
            wall[0] += 100_000_000L; // 0.1 s
            live.advance();
            if (i == 300) {
                live.operator().killPods("web-green", 2);
            }
            if (i % 50 == 0) {
                // a handshake, not a sleep: let the reader in at least twice at this instant or later
                int seen = reads.get();
                while (reads.get() < seen + 2 && reader.isAlive()) {
                    Thread.yield();
                }
            }
        }
        done.set(true);
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(reader.isAlive()).isFalse();
        assertThat(violations).isEmpty();
        assertThat(reads.get()).isGreaterThanOrEqualTo(100);
        assertThat(instants).as("the reader read in the middle of the run, not only at its end").hasSizeGreaterThan(20);
        assertThat(live.nowSeconds()).isEqualTo(120.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(live.rollout("web-blue").complete()).isTrue();
        assertThat(live.status().deployment("web-green").readyReplicas()).isEqualTo(4);
    }
}
