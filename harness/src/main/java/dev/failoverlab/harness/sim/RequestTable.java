package dev.failoverlab.harness.sim;

import java.util.Arrays;

/**
 * In-flight requests as parallel primitive arrays with a free list: a request is a slot number, so admitting,
 * queueing and answering one allocates nothing. Each slot carries a generation that grows when the slot is freed;
 * a handle ({@code generation << 32 | slot}) held by a pending event or the timeout FIFO goes stale when the
 * request it named is gone, which lets a pod kill drop its requests without searching the event queue.
 */
final class RequestTable {
    static final int ACTIVE = 1;
    static final int SLOW = 2;
    static final int ERROR = 4;
    /** The client has its answer (or gave up): nothing more is recorded for this request. */
    static final int CLIENT_DONE = 8;

    double[] arrival;
    /** CPU seconds the request needs on one full core. */
    double[] work;
    /** When the request got a worker thread (for the probe's queue-wait estimate). */
    double[] threadStart;
    int[] pod;
    int[] flags;
    int[] generation;
    /** Link to the next request in the pod queue this request waits in, or in the free list. */
    int[] next;
    private int freeHead = -1;
    private int highWater;

    RequestTable(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        arrival = new double[capacity];
        work = new double[capacity];
        threadStart = new double[capacity];
        pod = new int[capacity];
        flags = new int[capacity];
        generation = new int[capacity];
        next = new int[capacity];
    }

    int allocate() {
        int id = freeHead;
        if (id >= 0) {
            freeHead = next[id];
        } else {
            if (highWater == arrival.length) {
                grow();
            }
            id = highWater++;
        }
        next[id] = -1;
        return id;
    }

    void release(int id) {
        flags[id] = 0;
        generation[id]++;
        next[id] = freeHead;
        freeHead = id;
    }

    long handle(int id) {
        return ((long) generation[id] << 32) | id;
    }

    static int slot(long handle) {
        return (int) handle;
    }

    /** True while the request the handle names still occupies its slot. */
    boolean live(long handle) {
        return generation[(int) handle] == (int) (handle >>> 32);
    }

    /** Slots ever used; live requests are among {@code 0..highWater()-1} with the ACTIVE flag. */
    int highWater() {
        return highWater;
    }

    private void grow() {
        int capacity = arrival.length * 2;
        arrival = Arrays.copyOf(arrival, capacity);
        work = Arrays.copyOf(work, capacity);
        threadStart = Arrays.copyOf(threadStart, capacity);
        pod = Arrays.copyOf(pod, capacity);
        flags = Arrays.copyOf(flags, capacity);
        generation = Arrays.copyOf(generation, capacity);
        next = Arrays.copyOf(next, capacity);
    }
}
