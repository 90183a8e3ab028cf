package dev.failoverlab.harness.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of the live cluster for the person running the demo — what {@code kubectl get pods -w} and
 * {@code kubectl get svc web -o jsonpath={.spec.selector}} show, plus the traffic of the latest 5 s window (the
 * simulator's ground truth, which the agent never sees). Rates and percentiles are null before the first window
 * closes or when nothing finished in it.
 *
 * @param timeSeconds     virtual seconds since the demo started
 * @param load            the offered load, described
 * @param offeredRps      the load's intended rate now
 * @param arrivalRps      requests that arrived in the window, per second
 * @param selector        the Service's selector; without a colour label while traffic is split by weight
 * @param trafficPercent  share of new requests per colour
 */
public record LiveStatus(
        double timeSeconds,
        double speed,
        String namespace,
        String service,
        String load,
        double offeredRps,
        double windowSeconds,
        Double arrivalRps,
        Double p95Ms,
        Double errorRatePercent,
        Map<String, String> selector,
        Map<String, Integer> trafficPercent,
        List<Deployment> deployments) {

    public LiveStatus {
        selector = Collections.unmodifiableMap(new TreeMap<>(selector));
        trafficPercent = Collections.unmodifiableMap(new LinkedHashMap<>(trafficPercent));
        deployments = List.copyOf(deployments);
    }

    /**
     * One Deployment (one colour).
     *
     * @param appKnobs    the demo app's knobs in the current template (SLOW_REQUESTS and RANDOM_ERRORS in percent,
     *                    SLOW_DELAY_MS), as {@code kubectl get deploy -o yaml} would show the env
     * @param cpuPercent  CPU used by its running pods over the window, as % of their CPU request
     */
    public record Deployment(
            String name,
            String color,
            int specReplicas,
            int readyReplicas,
            int updatedReplicas,
            boolean rolloutComplete,
            int trafficPercent,
            Double arrivalRps,
            Double p95Ms,
            Double errorRatePercent,
            Double cpuPercent,
            Map<String, Double> appKnobs,
            List<Pod> pods) {

        public Deployment {
            appKnobs = Collections.unmodifiableMap(new TreeMap<>(appKnobs));
            pods = List.copyOf(pods);
        }
    }

    /** One pod as a row of {@code kubectl get pods}: status is Pending, Running, CrashLoopBackOff or Terminating. */
    public record Pod(String name, String deployment, String status, boolean ready, int restarts, double ageSeconds) {
    }

    public Deployment deployment(String name) {
        return deployments.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deployment " + name + " in the status"));
    }

    /** The one-line summary the demo prints every 10 s. */
    public String line() {
        StringBuilder b = new StringBuilder();
        b.append('[').append(clock(timeSeconds)).append("] ");
        b.append(String.format(Locale.ROOT, "load %.0f rps", offeredRps));
        b.append(String.format(Locale.ROOT, " | p95 %s, errors %s", ms(p95Ms), percent(errorRatePercent)));
        for (Deployment d : deployments) {
            b.append(String.format(Locale.ROOT, " | %s %d/%d ready", d.color(), d.readyReplicas(), d.specReplicas()));
            if (!d.rolloutComplete()) {
                b.append(String.format(Locale.ROOT, " (rolling out, %d/%d updated)", d.updatedReplicas(),
                        d.specReplicas()));
            }
            b.append(String.format(Locale.ROOT, ", cpu %s, traffic %d%%",
                    d.cpuPercent() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", d.cpuPercent()),
                    d.trafficPercent()));
        }
        b.append(" | selector ").append(selectorJson());
        return b.toString();
    }

    /** The selector as {@code kubectl get svc -o jsonpath={.spec.selector}} prints it. */
    public String selectorJson() {
        StringBuilder b = new StringBuilder("{");
        selector.entrySet().forEach(e -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
        });
        return b.append('}').toString();
    }

    /** {@code hh:mm:ss} of virtual time. */
    public static String clock(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f%%", value);
    }
}
