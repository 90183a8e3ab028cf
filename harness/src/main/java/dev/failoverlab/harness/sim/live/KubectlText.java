package dev.failoverlab.harness.sim.live;

import dev.failoverlab.harness.run.RunEvent;
import dev.failoverlab.harness.sim.LiveStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Text in kubectl's layout, for the demo's shell stand-in: the pods table and the event lines. */
public final class KubectlText {
    private KubectlText() {
    }

    /** {@code kubectl get pods}: NAME READY STATUS RESTARTS AGE, sorted by name. */
    public static String pods(LiveStatus status) {
        List<LiveStatus.Pod> pods = new ArrayList<>();
        status.deployments().forEach(d -> pods.addAll(d.pods()));
        pods.sort(Comparator.comparing(LiveStatus.Pod::name));
        int width = "NAME".length();
        for (LiveStatus.Pod p : pods) {
            width = Math.max(width, p.name().length());
        }
        String row = "%-" + (width + 3) + "s%-8s%-19s%-11s%s%n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, row, "NAME", "READY", "STATUS", "RESTARTS", "AGE"));
        for (LiveStatus.Pod p : pods) {
            b.append(String.format(Locale.ROOT, row, p.name(), p.ready() ? "1/1" : "0/1", p.status(),
                    Integer.toString(p.restarts()), age(p.ageSeconds())));
        }
        return b.toString();
    }

    /** kubectl's short human duration: 45s, 3m20s, 12m, 2h5m, 30h, 3d4h, 20d. */
    public static String age(double seconds) {
        long s = Math.max(0, (long) Math.floor(seconds));
        long m = s / 60;
        long h = m / 60;
        long d = h / 24;
        if (s < 120) {
            return s + "s";
        }
        if (m < 10) {
            return s % 60 == 0 ? m + "m" : m + "m" + s % 60 + "s";
        }
        if (m < 180) {
            return m + "m";
        }
        if (h < 8) {
            return m % 60 == 0 ? h + "h" : h + "h" + m % 60 + "m";
        }
        if (h < 48) {
            return h + "h";
        }
        if (d < 8) {
            return h % 24 == 0 ? d + "d" : d + "d" + h % 24 + "h";
        }
        return d + "d";
    }

    /** One event: {@code [00:05:00] operator FAULT web-blue patchEnv SLOW_REQUESTS=20}. */
    public static String event(RunEvent e) {
        StringBuilder b = new StringBuilder();
        b.append('[').append(LiveStatus.clock(e.tSeconds())).append("] ").append(e.source()).append(' ')
                .append(e.kind());
        if (!e.target().isEmpty()) {
            b.append(' ').append(e.target());
        }
        if (!e.value().isEmpty() && !e.value().equals(e.target())) {
            b.append(" → ").append(e.value());
        }
        if (!e.detail().isEmpty()) {
            b.append(": ").append(e.detail());
        }
        return b.toString();
    }
}
