package dev.failoverlab.harness.sim;

import dev.failoverlab.harness.scenario.WorkloadSpec;
import dev.failoverlab.loadgen.profile.PoissonArrivals;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The hot path: a request arrives, the Service picks a colour and a ready pod, the pod gives it a worker thread
 * (or queues or refuses it), it may sleep the slow delay, it queues for a CPU server, and it is answered. Client
 * timeouts are swept from a FIFO in arrival order instead of one event per request. No allocation per request.
 */
final class RequestFlow {
    private final SimClock clock;
    private final EventQueue queue;
    private final RequestTable requests;
    private final Recorder recorder;
    private final TrafficRouter router;
    private final SimDeployment[] deployments;
    private final List<SimPod> pods;
    private final Kubelet kubelet;
    /** Next arrival time; the live mode swaps in arrivals whose load changes at run time. */
    DoubleSupplier arrivals;
    private final DemandSampler demand;
    private final SplittableRandom attributes;
    private final SplittableRandom routing;
    private final LongRing pendingTimeouts = new LongRing(4096);
    private final double lastArrival;
    private final double cpuSecondsPerRequest;
    private final double baseMs;
    private final double timeout;
    private final double timeoutMs;
    private final int concurrency;
    private final int queueLimit;
    /** Requests whose client is still waiting (the in-flight term of the conservation identity). */
    long outstanding;
    long arrived;

    RequestFlow(Simulation sim, long seed) {
        WorkloadSpec w = sim.workload;
        this.clock = sim.clock;
        this.queue = sim.queue;
        this.requests = sim.requests;
        this.recorder = sim.recorder;
        this.router = sim.router;
        this.deployments = sim.deployments;
        this.pods = sim.pods;
        this.kubelet = sim.kubelet;
        this.arrivals = new PoissonArrivals(sim.scenario.load(), seed)::next;
        this.demand = new DemandSampler(w.cpuCv());
        this.attributes = Seeds.stream(seed, Seeds.REQUEST_ATTRIBUTES);
        this.routing = Seeds.stream(seed, Seeds.ROUTING);
        this.lastArrival = sim.endSeconds;
        this.cpuSecondsPerRequest = w.cpuPerRequestMs() / 1000.0;
        this.baseMs = w.baseLatencyMs();
        this.timeout = w.timeoutSeconds();
        this.timeoutMs = w.timeoutSeconds() * 1000.0;
        this.concurrency = w.concurrency();
        this.queueLimit = w.queueLimit();
    }

    void scheduleNextArrival() {
        double t = arrivals.getAsDouble();
        if (t <= lastArrival) {
            queue.push(t, EventType.ARRIVAL, 0);
        }
    }

    void onArrival() {
        double now = clock.now;
        sweepTimeouts(now);
        arrived++;
        // attributes are drawn for every arrival, in arrival order, whatever happens to the request: every policy
        // sees the same requests (common random numbers)
        double work = demand.next(attributes) * cpuSecondsPerRequest;
        double slowU = attributes.nextDouble();
        double errorU = attributes.nextDouble();
        scheduleNextArrival();
        int color = router.pick(routing);
        recorder.arrived(color);
        SimDeployment d = deployments[color];
        int n = d.readyCount;
        if (n == 0) {
            recorder.failed(color, baseMs); // connection refused: no endpoints
            return;
        }
        SimPod pod = d.ready[n == 1 ? 0 : routing.nextInt(n)];
        if (pod.threadsBusy >= concurrency && pod.acceptLen >= queueLimit) {
            recorder.failed(color, baseMs); // 503: accept queue full
            return;
        }
        int id = requests.allocate();
        requests.arrival[id] = now;
        requests.work[id] = work;
        requests.pod[id] = pod.index;
        requests.flags[id] = RequestTable.ACTIVE | (slowU < pod.slowFraction ? RequestTable.SLOW : 0)
                | (errorU < pod.errorFraction ? RequestTable.ERROR : 0);
        outstanding++;
        pendingTimeouts.add(requests.handle(id));
        if (pod.threadsBusy < concurrency) {
            takeThread(pod, id, now);
        } else {
            if (pod.acceptTail >= 0) {
                requests.next[pod.acceptTail] = id;
            } else {
                pod.acceptHead = id;
            }
            pod.acceptTail = id;
            pod.acceptLen++;
        }
    }

    private void takeThread(SimPod pod, int id, double now) {
        pod.threadsBusy++;
        requests.threadStart[id] = now;
        if ((requests.flags[id] & RequestTable.SLOW) != 0) {
            queue.push(now + pod.slowDelaySeconds, EventType.SLOW_DONE, requests.handle(id));
        } else {
            requestCpu(pod, id, now);
        }
    }

    private void requestCpu(SimPod pod, int id, double now) {
        if (pod.cpuBusy < pod.deployment.servers) {
            pod.flushCpu(now);
            pod.cpuBusy++;
            queue.push(now + requests.work[id] / pod.speed, EventType.CPU_DONE, requests.handle(id));
        } else {
            if (pod.cpuTail >= 0) {
                requests.next[pod.cpuTail] = id;
            } else {
                pod.cpuHead = id;
            }
            pod.cpuTail = id;
            pod.cpuLen++;
        }
    }

    void onSlowDone(long handle) {
        if (requests.live(handle)) {
            int id = RequestTable.slot(handle);
            requestCpu(pods.get(requests.pod[id]), id, clock.now);
        }
    }

    void onCpuDone(long handle) {
        if (!requests.live(handle)) {
            return; // its pod died meanwhile
        }
        double now = clock.now;
        int id = RequestTable.slot(handle);
        SimPod pod = pods.get(requests.pod[id]);
        pod.flushCpu(now);
        pod.cpuBusy--;
        if (pod.cpuLen > 0) {
            int next = pod.cpuHead;
            pod.cpuHead = requests.next[next];
            if (--pod.cpuLen == 0) {
                pod.cpuTail = -1;
            }
            pod.cpuBusy++;
            queue.push(now + requests.work[next] / pod.speed, EventType.CPU_DONE, requests.handle(next));
        }
        pod.threadsBusy--;
        pod.holdEwma += 0.01 * ((now - requests.threadStart[id]) - pod.holdEwma);
        if (pod.acceptLen > 0) {
            int next = pod.acceptHead;
            pod.acceptHead = requests.next[next];
            if (--pod.acceptLen == 0) {
                pod.acceptTail = -1;
            }
            takeThread(pod, next, now);
        }
        answer(id, pod.deployment.index, now);
        requests.release(id);
        if (pod.state == SimPod.State.TERMINATING && pod.inflight() == 0) {
            kubelet.drained(pod);
        }
    }

    private void answer(int id, int color, double now) {
        int flags = requests.flags[id];
        if ((flags & RequestTable.CLIENT_DONE) != 0) {
            return; // the client gave up; the work was wasted
        }
        outstanding--;
        double arrival = requests.arrival[id];
        if (now >= arrival + timeout) {
            recorder.failed(color, timeoutMs);
        } else if ((flags & RequestTable.ERROR) != 0) {
            recorder.failed(color, (now - arrival) * 1000.0 + baseMs);
        } else {
            recorder.succeeded(color, (now - arrival) * 1000.0 + baseMs);
        }
    }

    /** Fails, at their deadline, the requests whose client timeout has passed by {@code now}. */
    void sweepTimeouts(double now) {
        while (!pendingTimeouts.isEmpty()) {
            long handle = pendingTimeouts.peek();
            int id = RequestTable.slot(handle);
            if (requests.live(handle) && (requests.flags[id] & RequestTable.CLIENT_DONE) == 0) {
                if (requests.arrival[id] + timeout > now) {
                    return;
                }
                requests.flags[id] |= RequestTable.CLIENT_DONE;
                outstanding--;
                recorder.failed(pods.get(requests.pod[id]).deployment.index, timeoutMs);
            }
            pendingTimeouts.removeFirst();
        }
    }

    /** The pod's container died or the pod is gone: every request it holds fails now. */
    void failAll(SimPod pod, double now) {
        pod.flushCpu(now);
        int high = requests.highWater();
        int color = pod.deployment.index;
        for (int id = 0; id < high; id++) {
            int flags = requests.flags[id];
            if ((flags & RequestTable.ACTIVE) != 0 && requests.pod[id] == pod.index) {
                if ((flags & RequestTable.CLIENT_DONE) == 0) {
                    outstanding--;
                    double latencyMs = (now - requests.arrival[id]) * 1000.0 + baseMs;
                    recorder.failed(color, Math.min(latencyMs, timeoutMs));
                }
                requests.release(id);
            }
        }
        pod.threadsBusy = 0;
        pod.acceptHead = -1;
        pod.acceptTail = -1;
        pod.acceptLen = 0;
        pod.cpuBusy = 0;
        pod.cpuHead = -1;
        pod.cpuTail = -1;
        pod.cpuLen = 0;
    }
}
