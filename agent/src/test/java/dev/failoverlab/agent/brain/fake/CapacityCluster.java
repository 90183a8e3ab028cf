package dev.failoverlab.agent.brain.fake;

import dev.failoverlab.agent.port.ActionResult;
import dev.failoverlab.agent.port.Actuator;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.ClusterView;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.PodMetrics;
import dev.failoverlab.agent.port.ProbeResult;
import dev.failoverlab.agent.port.Routing;
import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A blue/green pair whose load is scripted per 15 s scrape interval: Prometheus counters and latency histograms
 * (default buckets) are built from the per-colour request rates, metrics-server CPU from the newest interval's rate
 * times a CPU cost per request, pods from the replica counts. Its actuator applies actions at once (new pods become
 * ready on {@link #settle()}) and refuses what the agent's guard would: steps above {@link #maxScaleStep}, replicas
 * above {@link #maxReplicas}, splits not summing to 100. Sources can be made to fail one by one.
 */
public final class CapacityCluster implements ClusterView, Actuator {
    public static final double[] BUCKETS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
        Double.POSITIVE_INFINITY};
    public static final Duration STEP = Duration.ofSeconds(15);
    private static final long COUNTER_BASE = 1_000_000;
    private static final long MIB = 1024L * 1024;

    /** One colour; fields are the test's knobs. */
    public static final class Colour {
        public final String name;
        public final String deployment;
        public int spec;
        public int ready;
        public double share;
        public long cpuRequestMillis = 500;
        public long memoryRequestBytes = 256 * MIB;
        public long memoryLimitBytes = 256 * MIB;
        public double cpuMsPerRequest = 1.0;
        public double idleMillis;
        public double memoryMiB = 145;
        /** Fraction of requests per bucket (not cumulative), summing to 1. */
        public double[] latency = healthyLatency();
        public double errorFraction;
        public int restartsPerPod;
        public boolean crashLooping;
        public double startupSeconds = 20;

        Colour(String name, int replicas, double share) {
            this.name = name;
            this.deployment = "web-" + name;
            this.spec = replicas;
            this.ready = replicas;
            this.share = share;
        }
    }

    private final CapacityClock clock;
    public final Colour blue;
    public final Colour green;
    public String selector;
    public boolean failScrapes;
    public boolean failMetrics;
    public boolean failPods;
    public int maxScaleStep = 4;
    public int maxReplicas = 20;
    /** Every applied action, in order: {@code scale web-green 2}, {@code split blue=50,green=50}. */
    public final List<String> actions = new ArrayList<>();
    /** Per scrape interval, oldest first: requests per second of blue and green. */
    private final List<double[]> history = new ArrayList<>();

    public CapacityCluster(CapacityClock clock, int blueReplicas, int greenReplicas) {
        this.clock = clock;
        this.blue = new Colour("blue", blueReplicas, 1.0);
        this.green = new Colour("green", greenReplicas, 0.0);
        this.selector = "blue";
    }

    /** Most requests between 2 and 5 ms, a thin tail to 25 ms: p95 inside the first bucket. */
    public static double[] healthyLatency() {
        return new double[] {0.96, 0.03, 0.01, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    }

    /** A fifth of the requests delayed by about 700 ms (SLOW_REQUESTS=20). */
    public static double[] slowLatency(double slowFraction) {
        double[] l = healthyLatency();
        for (int i = 0; i < l.length; i++) {
            l[i] *= 1 - slowFraction;
        }
        l[7] += slowFraction;
        return l;
    }

    /** Replaces the history: one total rate per interval, oldest first, the last ending now; split by the shares. */
    public void history(double... totalRps) {
        history.clear();
        for (double r : totalRps) {
            history.add(new double[] {r * blue.share, r * green.share});
        }
    }

    /** Moves the clock one interval and appends {@code totalRps} split by the current shares. */
    public void advance(double totalRps) {
        clock.advance(STEP);
        history.add(new double[] {totalRps * blue.share, totalRps * green.share});
    }

    /** Every scaled-up pod becomes ready (a crash-looping colour's pods never do). */
    public void settle() {
        for (Colour c : List.of(blue, green)) {
            c.ready = c.crashLooping ? 0 : c.spec;
        }
    }

    public Colour colour(String name) {
        return name.equals("blue") ? blue : green;
    }

    private Colour byDeployment(String deployment) {
        return deployment.equals(blue.deployment) ? blue : deployment.equals(green.deployment) ? green : null;
    }

    private int index(Colour c) {
        return c == blue ? 0 : 1;
    }

    @Override
    public String namespace() {
        return "mcp-failover-clean";
    }

    @Override
    public String service() {
        return "web";
    }

    @Override
    public List<DeploymentInfo> deployments() {
        return List.of(info(blue), info(green));
    }

    private static DeploymentInfo info(Colour c) {
        return new DeploymentInfo(c.deployment, c.name, c.spec, c.ready, c.spec, c.cpuRequestMillis,
                c.memoryRequestBytes, c.memoryLimitBytes);
    }

    @Override
    public List<PodInfo> pods(String deployment) {
        if (failPods) {
            throw new ClusterUnavailableException("api-server", "pods: connection refused");
        }
        Colour c = byDeployment(deployment);
        Instant now = clock.now();
        List<PodInfo> out = new ArrayList<>();
        for (int i = 0; i < c.spec; i++) {
            boolean ready = i < c.ready;
            Instant start = ready ? now.minus(Duration.ofHours(2)) : now.minusSeconds(5);
            Instant readyAt = ready ? start.plusMillis((long) (c.startupSeconds * 1000)) : null;
            PodInfo.Phase phase = c.crashLooping ? PodInfo.Phase.CRASH_LOOP_BACK_OFF : PodInfo.Phase.RUNNING;
            out.add(new PodInfo(c.deployment + "-" + i, c.deployment, c.name, phase, start, ready, readyAt,
                    c.restartsPerPod));
        }
        return out;
    }

    @Override
    public List<PodMetrics> podMetrics(String deployment) {
        if (failMetrics) {
            throw new ClusterUnavailableException("metrics-server", "metrics.k8s.io unavailable");
        }
        Colour c = byDeployment(deployment);
        double rate = history.isEmpty() ? 0 : history.get(history.size() - 1)[index(c)];
        List<PodMetrics> out = new ArrayList<>();
        for (int i = 0; i < c.spec && !c.crashLooping; i++) {
            double cpu = i < c.ready ? Math.min(c.cpuRequestMillis, c.idleMillis + c.cpuMsPerRequest * rate / c.ready)
                    : c.idleMillis;
            out.add(new PodMetrics(c.deployment + "-" + i, clock.now(), STEP, cpu, (long) (c.memoryMiB * MIB)));
        }
        return out;
    }

    @Override
    public Routing routing() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("blue", blue.share);
        shares.put("green", green.share);
        return new Routing(shares, selector);
    }

    @Override
    public List<ScrapeSample> scrapes(String color, Duration lookback) {
        if (failScrapes) {
            throw new ClusterUnavailableException("prometheus", "query timed out");
        }
        Colour c = colour(color);
        int k = index(c);
        Instant now = clock.now();
        int n = history.size();
        List<ScrapeSample> out = new ArrayList<>();
        double requests = COUNTER_BASE;
        double[] cumulative = cumulative(c.latency);
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                requests += history.get(i - 1)[k] * STEP.toSeconds();
            }
            Instant t = now.minus(STEP.multipliedBy(n - i));
            if (!t.isAfter(now.minus(lookback))) {
                continue;
            }
            long[] buckets = new long[BUCKETS.length];
            for (int b = 0; b < BUCKETS.length; b++) {
                buckets[b] = Math.round(requests * cumulative[b]);
            }
            buckets[BUCKETS.length - 1] = Math.round(requests);
            out.add(new ScrapeSample(t, Math.round(requests), Math.round(requests * c.errorFraction),
                    BUCKETS.clone(), buckets, requests * 3.0));
        }
        return out;
    }

    private static double[] cumulative(double[] fractions) {
        double[] out = new double[fractions.length];
        double sum = 0;
        for (int i = 0; i < fractions.length; i++) {
            sum += fractions[i];
            out[i] = sum;
        }
        return out;
    }

    @Override
    public ProbeResult probe(String color) {
        return new ProbeResult(!colour(color).crashLooping, 3.0, "ok");
    }

    @Override
    public ActionResult scale(String deployment, int replicas, String reason) {
        Colour c = byDeployment(deployment);
        if (c == null) {
            return ActionResult.refused("guard: deployment " + deployment + " is not allowed");
        }
        if (replicas == c.spec) {
            return ActionResult.refused("unchanged: " + deployment + " already has " + replicas + " replicas");
        }
        if (replicas > maxReplicas) {
            return ActionResult.refused("guard: " + replicas + " replicas exceed the ceiling of " + maxReplicas);
        }
        if (Math.abs(replicas - c.spec) > maxScaleStep) {
            return ActionResult.refused("guard: a step of " + Math.abs(replicas - c.spec) + " replicas exceeds "
                    + maxScaleStep);
        }
        c.spec = replicas;
        c.ready = Math.min(c.ready, replicas);
        actions.add("scale " + deployment + " " + replicas);
        return ActionResult.applied("scaled " + deployment + " to " + replicas + " replicas");
    }

    @Override
    public ActionResult setTrafficSplit(Map<String, Integer> percentByColor, String reason) {
        int sum = percentByColor.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 100) {
            return ActionResult.refused("percentages must sum to 100, got " + sum);
        }
        if (Math.round(blue.share * 100) == percentByColor.getOrDefault("blue", 0)
                && Math.round(green.share * 100) == percentByColor.getOrDefault("green", 0)) {
            return ActionResult.refused("unchanged: traffic already split that way");
        }
        blue.share = percentByColor.getOrDefault("blue", 0) / 100.0;
        green.share = percentByColor.getOrDefault("green", 0) / 100.0;
        selector = null;
        String v = String.format(Locale.ROOT, "blue=%d,green=%d", percentByColor.getOrDefault("blue", 0),
                percentByColor.getOrDefault("green", 0));
        actions.add("split " + v);
        return ActionResult.applied("traffic split " + v);
    }

    @Override
    public ActionResult switchSelector(String color, String reason) {
        blue.share = color.equals("blue") ? 1 : 0;
        green.share = 1 - blue.share;
        selector = color;
        actions.add("select " + color);
        return ActionResult.applied("Service selector now " + color);
    }
}
