package dev.failoverlab.agent.observe;

import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.metrics.PromQl;
import dev.failoverlab.agent.port.Clock;
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
import java.util.List;
import java.util.Locale;

/**
 * Reads both colours from the cluster once per query. Each source is read on its own: when one fails, its figures
 * are NaN and the failure is listed in the evidence as missing data, so the answer degrades instead of failing.
 */
public final class Observer {
    private final ClusterView view;
    private final Clock clock;

    public Observer(ClusterView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    /**
     * Observes the service over {@code window} (Prometheus increase) and collects {@code lookback} of request-rate
     * history. With {@code probe}, each colour's health endpoint is probed once.
     */
    public ServiceObservation observe(Duration window, Duration lookback, boolean probe, Evidence evidence) {
        Instant now = clock.now();
        String w = format(window);
        List<DeploymentInfo> deployments;
        try {
            deployments = view.deployments();
        } catch (ClusterUnavailableException e) {
            evidence.missing("api-server: deployments unreadable (" + e.getMessage() + "); no colour can be assessed");
            return new ServiceObservation(now, view.namespace(), view.service(), null, List.of(), new double[0], 15);
        }
        Routing routing = null;
        try {
            routing = view.routing();
        } catch (ClusterUnavailableException e) {
            evidence.missing("api-server: Service routing unreadable (" + e.getMessage() + ")");
        }
        List<ColorObservation> colors = new ArrayList<>();
        List<List<ScrapeSample>> histories = new ArrayList<>();
        Duration fetch = lookback.compareTo(window) > 0 ? lookback : window;
        for (DeploymentInfo d : deployments) {
            String c = d.color();
            double share = routing == null ? Double.NaN : routing.share(c);
            int restarts = 0;
            try {
                for (PodInfo p : view.pods(d.name())) {
                    restarts += p.restarts();
                }
            } catch (ClusterUnavailableException e) {
                evidence.missing("api-server: pods of " + d.name() + " unreadable (" + e.getMessage() + ")");
            }
            double cpu = Double.NaN;
            double memory = Double.NaN;
            try {
                List<PodMetrics> metrics = view.podMetrics(d.name());
                if (metrics.isEmpty()) {
                    evidence.missing("metrics-server: no CPU/memory sample yet for " + d.name());
                } else {
                    cpu = metrics.stream().mapToDouble(PodMetrics::cpuMillis).average().orElse(Double.NaN);
                    memory = metrics.stream().mapToDouble(PodMetrics::memoryBytes).average().orElse(Double.NaN);
                }
            } catch (ClusterUnavailableException e) {
                evidence.missing("metrics-server: unavailable for " + d.name() + " (" + e.getMessage() + ")");
            }
            double requests = Double.NaN;
            double errors = Double.NaN;
            double[] bounds = null;
            double[] counts = null;
            List<ScrapeSample> scrapes = List.of();
            try {
                scrapes = view.scrapes(c, fetch);
                double r = PromQl.increase(scrapes, ScrapeSample::requests, now, window);
                if (!Double.isNaN(r)) {
                    requests = Math.max(0, r);
                    errors = Math.max(0, PromQl.increase(scrapes, ScrapeSample::errors, now, window));
                    counts = PromQl.bucketIncreases(scrapes, now, window);
                    bounds = counts == null ? null : scrapes.get(scrapes.size() - 1).bucketUpperMs().clone();
                } else {
                    evidence.missing("prometheus: fewer than two scrapes of " + c + " in the last " + w);
                }
            } catch (ClusterUnavailableException e) {
                evidence.missing("prometheus: unavailable for " + c + " (" + e.getMessage() + ")");
            }
            histories.add(scrapes);
            double p50 = quantile(0.50, bounds, counts);
            double p95 = quantile(0.95, bounds, counts);
            double p99 = quantile(0.99, bounds, counts);
            Boolean healthy = null;
            if (probe) {
                try {
                    ProbeResult result = view.probe(c);
                    healthy = result.healthy();
                    evidence.measure("probe_healthy", c, "instant", healthy ? 1 : 0, "bool", "http-probe");
                } catch (ClusterUnavailableException e) {
                    evidence.missing("probe of " + c + " failed to run (" + e.getMessage() + ")");
                }
            }
            ColorObservation o = new ColorObservation(c, d.name(), d.specReplicas(), d.readyReplicas(),
                    d.updatedReplicas(), restarts, d.cpuRequestMillis(), d.memoryLimitBytes(),
                    window.toMillis() / 1000.0, requests, errors, bounds, counts, p50, p95, p99, cpu, memory, share,
                    healthy);
            record(o, w, evidence);
            colors.add(o);
        }
        String active = activeColor(routing, colors);
        double[] history = rateHistory(histories, now, lookback);
        if (history.length > 0) {
            evidence.measure("rate_history_points", "service", format(lookback), history.length, "count", "prometheus");
        }
        return new ServiceObservation(now, view.namespace(), view.service(), active, colors, history,
                15);
    }

    private static void record(ColorObservation o, String w, Evidence e) {
        e.measure("spec_replicas", o.color(), "instant", o.specReplicas(), "pods", "api-server");
        e.measure("ready_replicas", o.color(), "instant", o.readyReplicas(), "pods", "api-server");
        if (!Double.isNaN(o.trafficShare())) {
            e.measure("traffic_share", o.color(), "instant", o.trafficShare(), "fraction", "api-server");
        }
        if (!Double.isNaN(o.requests())) {
            e.measure("requests", o.color(), w, o.requests(), "requests", "prometheus");
            e.measure("errors", o.color(), w, o.errors(), "requests", "prometheus");
            e.measure("request_rate", o.color(), w, o.rps(), "rps", "prometheus");
            if (o.hasTraffic()) {
                e.measure("error_rate", o.color(), w, o.errorRate(), "fraction", "prometheus");
            }
        }
        if (!Double.isNaN(o.p95Ms())) {
            e.measure("p50_latency", o.color(), w, o.p50Ms(), "ms", "prometheus");
            e.measure("p95_latency", o.color(), w, o.p95Ms(), "ms", "prometheus");
            e.measure("p99_latency", o.color(), w, o.p99Ms(), "ms", "prometheus");
        }
        if (!Double.isNaN(o.cpuMillisPerPod())) {
            e.measure("cpu_per_pod", o.color(), "15s", o.cpuMillisPerPod(), "millicores", "metrics-server");
            e.measure("cpu_utilization", o.color(), "15s", o.cpuUtilization(), "fraction of request", "metrics-server");
        }
        if (!Double.isNaN(o.memoryBytesPerPod())) {
            e.measure("memory_per_pod", o.color(), "instant", o.memoryBytesPerPod() / (1024.0 * 1024.0), "MiB",
                    "metrics-server");
        }
    }

    private static double quantile(double q, double[] bounds, double[] counts) {
        if (counts == null || counts[counts.length - 1] <= 0) {
            return Double.NaN;
        }
        return PromQl.histogramQuantile(q, bounds, counts);
    }

    /** The selector's colour, else the colour with the largest share, else the first colour. */
    private static String activeColor(Routing routing, List<ColorObservation> colors) {
        if (colors.isEmpty()) {
            return null;
        }
        if (routing != null && routing.selectorColor() != null) {
            return routing.selectorColor();
        }
        ColorObservation best = colors.get(0);
        for (ColorObservation c : colors) {
            if (!Double.isNaN(c.trafficShare()) && c.trafficShare() > best.trafficShare()) {
                best = c;
            }
        }
        return best.color();
    }

    /**
     * Total request rate per scrape interval over {@code lookback}: differences of the summed request counters
     * between consecutive scrapes (counter resets clamp to 0), colours aligned by scrape index from the newest.
     */
    static double[] rateHistory(List<List<ScrapeSample>> perColor, Instant now, Duration lookback) {
        int n = Integer.MAX_VALUE;
        List<List<ScrapeSample>> selected = new ArrayList<>();
        for (List<ScrapeSample> s : perColor) {
            List<ScrapeSample> in = PromQl.select(s, now, lookback);
            selected.add(in);
            n = Math.min(n, in.size());
        }
        if (selected.isEmpty() || n < 2) {
            return new double[0];
        }
        double[] rates = new double[n - 1];
        for (List<ScrapeSample> in : selected) {
            int offset = in.size() - n;
            for (int i = 1; i < n; i++) {
                ScrapeSample a = in.get(offset + i - 1);
                ScrapeSample b = in.get(offset + i);
                double dt = Duration.between(a.timestamp(), b.timestamp()).toMillis() / 1000.0;
                if (dt > 0) {
                    rates[i - 1] += Math.max(0, b.requests() - a.requests()) / dt;
                }
            }
        }
        return rates;
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? String.format(Locale.ROOT, "%dm", s / 60) : String.format(Locale.ROOT, "%ds", s);
    }
}
