package dev.failoverlab.harness.sim;

/** Kinds of simulated events; small ints so the queue stores them unboxed next to the sequence number. */
final class EventType {
    static final int ARRIVAL = 0;
    static final int SLOW_DONE = 1;
    static final int CPU_DONE = 2;
    static final int SAMPLE = 3;
    static final int SCRAPE = 4;
    static final int METRICS = 5;
    static final int POD_SCHEDULED = 6;
    static final int STARTUP_DONE = 7;
    static final int BACKOFF_DONE = 8;
    static final int GRACE_END = 9;
    static final int OOM_CHECK = 10;
    static final int FAULT_START = 11;
    static final int FAULT_END = 12;
    static final int READINESS_LOST = 13;
    static final int READINESS_BACK = 14;
    static final int POLICY_TASK = 15;

    private EventType() {
    }
}
