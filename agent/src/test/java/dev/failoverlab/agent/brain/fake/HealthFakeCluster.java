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
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded blue/green cluster for brain tests. Every {@link #tick()} advances 15 s: Poisson-ish arrivals split by
 * the routing, per-request latency from an M/M/1 queue per pod (500m CPU, {@code cpuPerRequestMs} of a full core:
 * 500 rps per pod at 100 % CPU), slow requests (+700 ms) and errors per colour, one Prometheus scrape (default
 * buckets) and one metrics-server sample. Pods added by a scale become ready two ticks later. Sources can be made
 * to fail. Nothing here is visible to the brain except through {@link ClusterView} and {@link Actuator}.
 */
public final class HealthFakeCluster implements ClusterView {
    public static final double[] BOUNDS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
            Double.POSITIVE_INFINITY};
    public static final Duration STEP = Duration.ofSeconds(15);
    private static final double MIB = 1024.0 * 1024.0;

    private final SplittableRandom random;
    private final Map<String, Colour> colours = new LinkedHashMap<>();
    private final List<String> actions = new ArrayList<>();
    private Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private double totalRps = 400;
    private String selector = "blue";
    private final Map<String, Integer> percent = new LinkedHashMap<>();
    public boolean prometheusDown;
    public boolean metricsServerDown;
    public boolean apiServerDown;
    /** Scrape intervals a new pod takes to become ready. */
    public int startupTicks = 2;

    /** One colour's hidden behaviour and its counters. */
    public final class Colour {
        final String color;
        final String deployment;
        public int spec;
        int ready;
        int revision = 1;
        int startingTicks;
        public double slowFraction;
        public double errorFraction;
        public double cpuPerRequestMs = 1.0;
        public boolean crashLoop;
        public boolean readinessFails;
        public int restarts;
        public double memoryMiB = 130;
        long requests = 50_000;
        long errors = 20;
        final long[] buckets = new long[BOUNDS.length];
        double sumMs;
        double cpuMillis = Double.NaN;
        final List<ScrapeSample> scrapes = new ArrayList<>();

        Colour(String color, int replicas) {
            this.color = color;
            this.deployment = "web-" + color;
            this.spec = replicas;
            this.ready = replicas;
            buckets[2] = requests;
        }

        /** A rollout: new pod names (and, in this fake, instantly ready new pods). */
        public void rollout() {
            revision++;
        }
    }

    public HealthFakeCluster(long seed) {
        this.random = new SplittableRandom(seed);
        colours.put("blue", new Colour("blue", 2));
        colours.put("green", new Colour("green", 1));
        percent.put("blue", 100);
        percent.put("green", 0);
        for (Colour c : colours.values()) {
            scrape(c);
        }
    }

    public Colour colour(String color) {
        return colours.get(color);
    }

    public Instant now() {
        return now;
    }

    public void totalRps(double rps) {
        this.totalRps = rps;
    }

    public List<String> actions() {
        return actions;
    }

    /** Current share of new traffic in percent. */
    public int percent(String color) {
        return percent.get(color);
    }

    /** Advances one scrape interval. */
    public void tick() {
        now = now.plus(STEP);
        for (Colour c : colours.values()) {
            if (c.startingTicks > 0 && --c.startingTicks == 0) {
                c.ready = c.spec;
            }
            if (c.ready > c.spec) {
                c.ready = c.spec;
            }
            if (c.crashLoop) {
                c.restarts += Math.max(1, c.spec);
            }
            int ready = c.crashLoop || c.readinessFails ? 0 : c.ready;
            double lambda = totalRps * percent.get(c.color) / 100.0;
            long n = poisson(lambda * STEP.toSeconds());
            double mu = 500.0 / c.cpuPerRequestMs; // a 500m pod serves this many requests/s at full CPU
            double perPod = ready > 0 ? lambda / ready : 0;
            double rho = perPod / mu;
            for (long i = 0; i < n; i++) {
                double latency;
                boolean error;
                if (ready == 0) {
                    latency = 2;
                    error = true; // connection refused: no endpoints
                } else {
                    latency = 2 + sojourn(mu, rho);
                    if (random.nextDouble() < c.slowFraction) {
                        latency += 700;
                    }
                    error = random.nextDouble() < c.errorFraction;
                }
                record(c, latency, error);
            }
            c.cpuMillis = ready == 0 ? Double.NaN
                    : Math.min(500, 2 + perPod * c.cpuPerRequestMs * (1 + 0.03 * random.nextGaussian()));
            scrape(c);
        }
    }

    public void ticks(int count) {
        for (int i = 0; i < count; i++) {
            tick();
        }
    }

    private double sojourn(double mu, double rho) {
        if (rho >= 0.999) {
            return 150 + random.nextDouble() * 2500; // an overloaded queue: everyone waits
        }
        return -Math.log(1 - random.nextDouble()) / (mu * (1 - rho)) * 1000;
    }

    private long poisson(double mean) {
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }

    private void record(Colour c, double latencyMs, boolean error) {
        c.requests++;
        if (error) {
            c.errors++;
        }
        c.sumMs += latencyMs;
        for (int b = 0; b < BOUNDS.length; b++) {
            if (latencyMs <= BOUNDS[b]) {
                c.buckets[b]++;
                return;
            }
        }
    }

    private void scrape(Colour c) {
        long[] cumulative = new long[BOUNDS.length];
        long run = 0;
        for (int b = 0; b < BOUNDS.length; b++) {
            run += c.buckets[b];
            cumulative[b] = run;
        }
        c.scrapes.add(new ScrapeSample(now, c.requests, c.errors, BOUNDS.clone(), cumulative, c.sumMs));
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
        if (apiServerDown) {
            throw new ClusterUnavailableException("api-server", "connection refused");
        }
        List<DeploymentInfo> out = new ArrayList<>();
        for (Colour c : colours.values()) {
            int ready = c.crashLoop || c.readinessFails ? 0 : c.ready;
            out.add(new DeploymentInfo(c.deployment, c.color, c.spec, ready, c.spec, 500, 256L * 1024 * 1024,
                    256L * 1024 * 1024));
        }
        return out;
    }

    @Override
    public List<PodInfo> pods(String deployment) {
        if (apiServerDown) {
            throw new ClusterUnavailableException("api-server", "connection refused");
        }
        Colour c = byDeployment(deployment);
        List<PodInfo> out = new ArrayList<>();
        for (int i = 0; i < c.spec; i++) {
            boolean ready = !c.crashLoop && !c.readinessFails && i < c.ready;
            PodInfo.Phase phase = c.crashLoop ? PodInfo.Phase.CRASH_LOOP_BACK_OFF : PodInfo.Phase.RUNNING;
            out.add(new PodInfo(c.deployment + "-r" + c.revision + "-" + i, c.deployment, c.color, phase,
                    now.minusSeconds(600), ready, now.minusSeconds(580), i == 0 ? c.restarts : 0));
        }
        return out;
    }

    @Override
    public List<PodMetrics> podMetrics(String deployment) {
        if (metricsServerDown) {
            throw new ClusterUnavailableException("metrics-server", "503 service unavailable");
        }
        Colour c = byDeployment(deployment);
        List<PodMetrics> out = new ArrayList<>();
        if (Double.isNaN(c.cpuMillis)) {
            return out;
        }
        for (int i = 0; i < c.ready; i++) {
            out.add(new PodMetrics(c.deployment + "-r" + c.revision + "-" + i, now, STEP, c.cpuMillis,
                    Math.round(c.memoryMiB * MIB)));
        }
        return out;
    }

    @Override
    public Routing routing() {
        if (apiServerDown) {
            throw new ClusterUnavailableException("api-server", "connection refused");
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        percent.forEach((k, v) -> shares.put(k, v / 100.0));
        return new Routing(shares, selector);
    }

    @Override
    public List<ScrapeSample> scrapes(String color, Duration lookback) {
        if (prometheusDown) {
            throw new ClusterUnavailableException("prometheus", "query timed out");
        }
        Instant from = now.minus(lookback);
        return colours.get(color).scrapes.stream().filter(s -> !s.timestamp().isBefore(from)).toList();
    }

    @Override
    public ProbeResult probe(String color) {
        Colour c = colours.get(color);
        boolean ok = !c.crashLoop && !c.readinessFails && c.ready > 0;
        return new ProbeResult(ok, 2, ok ? "200" : "no ready endpoints");
    }

    private Colour byDeployment(String deployment) {
        return colours.values().stream().filter(c -> c.deployment.equals(deployment)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deployment " + deployment));
    }

    /** The actuator a guarded adapter would front: applies and logs every action. */
    public Actuator actuator() {
        return new Actuator() {
            @Override
            public ActionResult scale(String deployment, int replicas, String reason) {
                Colour c = byDeployment(deployment);
                if (replicas == c.spec) {
                    return ActionResult.refused("unchanged: " + deployment + " already has " + replicas);
                }
                if (replicas > c.spec) {
                    c.startingTicks = startupTicks; // new pods pass readiness after this many scrape intervals
                } else {
                    c.ready = Math.min(c.ready, replicas);
                }
                c.spec = replicas;
                actions.add("scale " + deployment + " " + replicas);
                return ActionResult.applied("scaled " + deployment + " to " + replicas);
            }

            @Override
            public ActionResult setTrafficSplit(Map<String, Integer> split, String reason) {
                int sum = split.values().stream().mapToInt(Integer::intValue).sum();
                if (sum != 100) {
                    return ActionResult.refused("percentages must sum to 100, got " + sum);
                }
                percent.replaceAll((k, v) -> split.getOrDefault(k, 0));
                selector = null;
                actions.add("split " + split);
                return ActionResult.applied("traffic split " + split);
            }

            @Override
            public ActionResult switchSelector(String color, String reason) {
                percent.replaceAll((k, v) -> k.equals(color) ? 100 : 0);
                selector = color;
                actions.add("selector " + color);
                return ActionResult.applied("Service selector now " + color);
            }
        };
    }
}
