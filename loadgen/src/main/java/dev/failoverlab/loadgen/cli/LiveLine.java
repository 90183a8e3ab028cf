package dev.failoverlab.loadgen.cli;

import dev.failoverlab.loadgen.http.IntervalReport;
import java.util.Locale;

/** The per-second status line: what the load should be, what it is, and how the server is answering. */
final class LiveLine {
    private LiveLine() {
    }

    static String format(IntervalReport r) {
        return String.format(Locale.ROOT,
                "[%6.1fs] target %7.1f rps | achieved %7.1f rps | p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms"
                        + " | errors %d | late %d | backlog %d",
                r.endSeconds(), r.targetRps(), r.achievedRps(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errors(),
                r.late(), r.backlog());
    }
}
