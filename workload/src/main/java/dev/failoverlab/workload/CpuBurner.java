package dev.failoverlab.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Burns a given amount of the calling thread's CPU time. Measuring CPU time (not wall time) keeps the demand a
 * property of the request: a thread that is descheduled while other requests run does not count that time as work,
 * so the process's CPU seconds per request equal the configured demand whatever the concurrency.
 *
 * <p>The loop does a fixed chunk of arithmetic (a few microseconds) between clock reads, so the overhead of
 * reading the thread CPU clock stays a small fraction and the overshoot stays below one chunk.
 */
final class CpuBurner {

    /** xorshift steps per clock read: about 5-10 µs on a current core. */
    static final int CHUNK = 8_192;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean THREAD_CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    /** Written so the JIT cannot drop the arithmetic; racy on purpose, the value is never read for meaning. */
    @SuppressWarnings("unused")
    private static long sink;

    private CpuBurner() {
    }

    /** Whether the demand is measured in thread CPU time; without JVM support it falls back to wall time. */
    static boolean measuresThreadCpu() {
        return THREAD_CPU_TIME && THREADS.isThreadCpuTimeEnabled();
    }

    /** Burns at least {@code nanos} of this thread's CPU time (wall time where thread CPU time is unavailable). */
    static void burn(long nanos) {
        if (nanos <= 0) {
            return;
        }
        boolean cpu = measuresThreadCpu();
        long start = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        long state = start | 1;
        do {
            state = spin(state, CHUNK);
        } while ((cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - start < nanos);
        sink = state;
    }

    private static long spin(long state, int steps) {
        long x = state;
        for (int i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
