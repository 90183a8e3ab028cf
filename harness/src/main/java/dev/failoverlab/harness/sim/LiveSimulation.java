package dev.failoverlab.harness.sim;

import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.Clock;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.harness.policy.PolicyFactory;
import dev.failoverlab.harness.run.Backend;
import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.run.Sample;
import dev.failoverlab.harness.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The simulated cluster advanced in real time: virtual time follows a wall clock (times a speed factor) as one
 * thread calls {@link #advance()}, while other threads read it through a {@link ClusterView}, act through an
 * {@link Actuator} and change it through the {@link LiveOperator}. It is the batch model itself (the same
 * {@code Simulation}, request flow, kubelet, controllers, fault injector and monitoring), driven differently:
 * arrivals come from a load that can change at run time ({@link LiveArrivals}), no policy runs inside, and the
 * ground-truth samples are kept as the latest status instead of a recording.
 *
 * <p>One lock guards the model. {@link #advance()} holds it in chunks of events, so a reader waits at most one
 * chunk; every port call takes it, so each call sees one instant; {@link #read} holds it across several calls.
 * The wall clock is injected, so tests step it by hand instead of sleeping.
 */
public final class LiveSimulation {
    /** How far a live run can go in virtual time: ten years, i.e. forever for a demo even at speed 1000. */
    public static final Duration HORIZON = Duration.ofDays(3650);
    public static final double MAX_SPEED = 1000;
    /** Events processed per lock hold; about a millisecond of work, so readers never wait long. */
    private static final int CHUNK_EVENTS = 20_000;
    private static final PolicyFactory NO_POLICY = new PolicyFactory() {
        @Override public String name() { return "live"; }
        @Override public String description() { return "no policy inside the simulation: the agent acts from outside"; }
        @Override public Set<String> settingKeys() { return Set.of(); }
        @Override public dev.failoverlab.harness.policy.Policy create(dev.failoverlab.harness.scenario.Settings s) {
            return context -> { };
        }
    };

    final Simulation sim;
    final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    final LiveArrivals arrivals;
    private final LongSupplier wallNanos;
    private final long wallStart;
    private final double speed;
    private final LiveOperator operator;
    private Sample latest;

    /**
     * Builds the cluster of {@code scenario} at time zero (each deployment's pods ready, the Service on the active
     * colour, the scenario's faults scheduled at their times) with {@code initialLoad} offered from now on.
     *
     * @param wallNanos a monotonic wall clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public LiveSimulation(Scenario scenario, long seed, double speed, LiveLoad initialLoad, LongSupplier wallNanos) {
        if (!(speed > 0) || speed > MAX_SPEED) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "speed: must be > 0 and at most %.0f (virtual seconds per wall second), got %s", MAX_SPEED,
                    Double.toString(speed)));
        }
        this.speed = speed;
        this.wallNanos = wallNanos;
        this.sim = new Simulation(withHorizon(scenario), NO_POLICY, seed, Backend.Progress.NONE);
        this.arrivals = new LiveArrivals(initialLoad, seed);
        sim.flow.arrivals = arrivals;
        // the start of Simulation.run, minus the policy
        for (SimDeployment d : sim.deployments) {
            for (int i = 0; i < d.specReplicas; i++) {
                sim.kubelet.createReady(d);
            }
        }
        sim.flow.scheduleNextArrival();
        sim.queue.push(0, EventType.METRICS, 0);
        sim.queue.push(0, EventType.SCRAPE, 0);
        sim.faults.schedule();
        sim.queue.push(Simulation.SAMPLE_SECONDS, EventType.SAMPLE, 0);
        this.operator = new LiveOperator(this);
        this.wallStart = wallNanos.getAsLong();
    }

    private static Scenario withHorizon(Scenario s) {
        return new Scenario(s.name(), s.description(), s.sourceFile(), HORIZON, s.cluster(), s.workload(),
                s.pricing(), s.slo(), s.context(), s.load(), s.faults(), s.policies(), s.settings(), s.expect(),
                s.budget(), s.queries());
    }

    /** Processes every event up to the virtual time the wall clock has reached; wakes rollout waiters. */
    public void advance() {
        double target = Math.min(sim.endSeconds, (wallNanos.getAsLong() - wallStart) / 1e9 * speed);
        boolean more = true;
        while (more) {
            lock.lock();
            try {
                more = step(target);
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean step(double target) {
        EventQueue queue = sim.queue;
        for (int budget = CHUNK_EVENTS; budget > 0; budget--) {
            if (queue.isEmpty() || queue.topTime() > target) {
                sim.clock.now = Math.max(sim.clock.now, target);
                return false;
            }
            double t = queue.topTime();
            int type = queue.topType();
            long payload = queue.topPayload();
            queue.removeTop();
            sim.clock.now = t;
            switch (type) {
                case EventType.ARRIVAL -> {
                    if (!arrivals.cancelled(t)) {
                        sim.flow.onArrival();
                    }
                }
                case EventType.CPU_DONE -> sim.flow.onCpuDone(payload);
                case EventType.SLOW_DONE -> sim.flow.onSlowDone(payload);
                case EventType.SAMPLE -> {
                    latest = sim.sampler.build();
                    queue.push(t + Simulation.SAMPLE_SECONDS, EventType.SAMPLE, 0);
                }
                default -> sim.control(type, payload);
            }
        }
        return true;
    }

    /** Virtual seconds since the start. */
    public double nowSeconds() {
        return locked(() -> sim.clock.now);
    }

    public double speed() {
        return speed;
    }

    public String namespace() {
        return sim.scenario.cluster().namespace();
    }

    /** The cluster as the agent sees it; every call is atomic. */
    public ClusterView view() {
        return new LiveClusterView(new SimClusterView(sim), lock);
    }

    /** Acts on the cluster; actions are logged with {@code source} (e.g. {@code agent}). */
    public Actuator actuator(String source) {
        return new LiveActuator(new SimActuator(sim, source), lock);
    }

    /** Virtual time as an instant ({@code Instant.EPOCH} plus the seconds since the start), like the batch mode. */
    public Clock clock() {
        return () -> locked(() -> Instant.EPOCH.plusNanos(Math.round(sim.clock.now * 1e9)));
    }

    /** Runs several reads at one instant: nothing advances or changes in between. */
    public <T> T read(Function<ClusterView, T> reads) {
        ClusterView unlocked = new SimClusterView(sim);
        return locked(() -> reads.apply(unlocked));
    }

    /** Runtime control: env patches, scaling, load, pod kills, crash loops. */
    public LiveOperator operator() {
        return operator;
    }

    /** The offered load's intended rate now, in requests per second. */
    public double offeredRps() {
        return locked(() -> arrivals.rateAt(sim.clock.now));
    }

    /** What {@code kubectl get pods} and {@code kubectl get svc} would show, with the latest 5 s of traffic. */
    public LiveStatus status() {
        return locked(() -> LiveStatusBuilder.build(this, latest));
    }

    /** The rollout state of one deployment now. */
    public LiveRollout rollout(String deployment) {
        return locked(() -> LiveRollout.of(requireDeployment(deployment)));
    }

    /**
     * Waits until the rollout's message differs from {@code lastMessage}, it is complete, or the wall-clock
     * {@code deadlineNanos} ({@code System.nanoTime} scale) passes; returns the state then. Holds no lock while
     * waiting, so the caller may write progress lines between calls.
     */
    public LiveRollout awaitRollout(String deployment, String lastMessage, long deadlineNanos)
            throws InterruptedException {
        lock.lockInterruptibly();
        try {
            SimDeployment d = requireDeployment(deployment);
            while (true) {
                LiveRollout r = LiveRollout.of(d);
                long left = deadlineNanos - System.nanoTime();
                if (r.complete() || !r.message().equals(lastMessage) || left <= 0) {
                    return r;
                }
                advanced.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Faults, actions and refusals logged since the {@code from}-th one (0 = all), oldest first. */
    public List<RunEvent> eventsSince(int from) {
        return locked(() -> {
            List<RunEvent> all = sim.log.events;
            return List.copyOf(all.subList(Math.min(Math.max(0, from), all.size()), all.size()));
        });
    }

    SimDeployment requireDeployment(String name) {
        SimDeployment d = sim.findDeployment(name);
        if (d == null) {
            throw new IllegalArgumentException("deployment: unknown deployment '" + name + "' (known: "
                    + sim.deploymentNames() + ")");
        }
        return d;
    }

    <T> T locked(java.util.function.Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }
}
