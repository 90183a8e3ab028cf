package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.analytics.stats.CumulativeHistogram;
import dev.failoverlab.agent.analytics.stats.HistogramComparison;
import dev.failoverlab.agent.analytics.stats.HistogramComparisonResult;
import dev.failoverlab.agent.analytics.stats.ProportionComparison;
import dev.failoverlab.agent.analytics.stats.TwoProportionTest;
import dev.failoverlab.agent.brain.BrainContext;
import dev.failoverlab.agent.config.AgentConfig;
import dev.failoverlab.agent.evidence.Evidence;
import dev.failoverlab.agent.observe.ColorObservation;
import dev.failoverlab.agent.observe.ServiceObservation;
import dev.failoverlab.agent.port.ClusterUnavailableException;
import dev.failoverlab.agent.port.DeploymentInfo;
import dev.failoverlab.agent.port.PodInfo;
import dev.failoverlab.agent.port.ScrapeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One health pass over the service, shared by {@code /evaluate} and {@code /failover-assessment}: the Observer's
 * window, the detection windows read from Prometheus, pods from the API server, and each colour's memory. A source
 * that fails leaves its figures out and is listed in {@code evidence.missing}; nothing throws for an unavailable
 * cluster.
 */
public final class ServiceAssessor {
    /** Scrape history the detector may catch up on when queries are far apart. */
    static final Duration DETECTOR_LOOKBACK = Duration.ofMinutes(5);
    /** The SLO is on p95: at most this share of requests may be slower than the bound. */
    public static final double SLOW_ALLOWANCE = 0.05;

    private final BrainContext ctx;

    public ServiceAssessor(BrainContext ctx) {
        this.ctx = ctx;
    }

    public ServiceHealth assess(Evidence ev) {
        AgentConfig cfg = ctx.config();
        AgentConfig.Slo slo = cfg.slo();
        Instant now = ctx.clock().now();
        ev.measure("slo_latency_p95", "service", "config", slo.latencyP95Ms(), "ms", "config");
        ev.measure("slo_error_rate", "service", "config", slo.errorRate(), "fraction", "config");
        ev.measure("window_length", "service", "config", cfg.window().toMillis() / 1000.0, "s", "config");
        ServiceObservation obs = ctx.observer().observe(cfg.window(), cfg.window(), true, ev);
        Map<String, DeploymentInfo> deployments = new LinkedHashMap<>();
        if (!obs.colors().isEmpty()) {
            try {
                for (DeploymentInfo d : ctx.view().deployments()) {
                    deployments.put(d.color(), d);
                }
            } catch (ClusterUnavailableException e) {
                ev.missing("api-server: deployments unreadable on second read (" + e.getMessage() + ")");
            }
        }
        List<ColorInputs> inputs = new ArrayList<>();
        for (ColorObservation o : obs.colors()) {
            inputs.add(read(o, deployments.get(o.color()), now, ev));
        }
        HealthMemory memory = ctx.state().get(HealthMemory.class, HealthMemory::new);
        HealthMemory.CusumDesign design = memory.design(DegradationDetector.K, ctx.rules().current().detectorThreshold());
        ColorAssessor assessor = new ColorAssessor(slo.latencyP95Ms(), SLOW_ALLOWANCE, slo.errorRate());
        List<ColorHealth> colors = new ArrayList<>();
        synchronized (memory) {
            for (ColorInputs in : inputs) {
                String c = in.observation().color();
                ColorMemory other = null;
                for (ColorInputs x : inputs) {
                    if (!x.observation().color().equals(c)) {
                        other = memory.color(x.observation().color());
                    }
                }
                colors.add(assessor.assess(in, memory.color(c), other, design, now, ev));
            }
        }
        ProportionComparison errors = null;
        HistogramComparisonResult latency = null;
        if (colors.size() == 2 && colors.get(0).errorsLong().trials() >= DegradationDetector.MIN_REQUESTS
                && colors.get(1).errorsLong().trials() >= DegradationDetector.MIN_REQUESTS) {
            ColorHealth a = colors.get(0);
            ColorHealth b = colors.get(1);
            errors = TwoProportionTest.compare(a.errorsLong().events(), a.errorsLong().trials(),
                    b.errorsLong().events(), b.errorsLong().trials(), 0.95);
            ev.add(errors.evidence());
            CumulativeHistogram ha = ColorAssessor.longHistogram(a.observation());
            CumulativeHistogram hb = ColorAssessor.longHistogram(b.observation());
            if (ha != null && hb != null && ha.total() > 0 && hb.total() > 0) {
                try {
                    latency = HistogramComparison.compare(ha, hb, 0.95);
                    ev.add(latency.evidence());
                } catch (IllegalArgumentException e) {
                    ev.missing("latency comparison impossible: " + e.getMessage());
                }
            }
        }
        return new ServiceHealth(now, obs, colors, deployments, errors, latency, slo.latencyP95Ms(), SLOW_ALLOWANCE,
                slo.errorRate(), ev);
    }

    private ColorInputs read(ColorObservation o, DeploymentInfo d, Instant now, Evidence ev) {
        List<PodInfo> pods = null;
        try {
            pods = ctx.view().pods(o.deployment());
        } catch (ClusterUnavailableException e) {
            ev.missing("api-server: pods of " + o.deployment() + " unreadable (" + e.getMessage() + ")");
        }
        List<ScrapeInterval> intervals = List.of();
        boolean read = false;
        try {
            List<ScrapeSample> scrapes = ctx.view().scrapes(o.color(), DETECTOR_LOOKBACK);
            intervals = ScrapeInterval.between(scrapes, now, DETECTOR_LOOKBACK);
            read = true;
            if (intervals.isEmpty()) {
                ev.missing("prometheus: fewer than two scrapes of " + o.color() + " for the short window");
            } else {
                ScrapeInterval last = intervals.get(intervals.size() - 1);
                ev.measure("scrape_age", o.color(), "instant", Duration.between(last.end(), now).toMillis() / 1000.0,
                        "s", "prometheus");
            }
        } catch (ClusterUnavailableException e) {
            ev.missing("prometheus: short window of " + o.color() + " unavailable (" + e.getMessage() + ")");
        }
        int withMetrics = -1;
        try {
            withMetrics = ctx.view().podMetrics(o.deployment()).size();
        } catch (ClusterUnavailableException e) {
            // the Observer has listed metrics-server as missing
        }
        return new ColorInputs(o, d, pods, intervals, read, withMetrics);
    }
}
