package dev.failoverlab.harness.sim;

/**
 * Binary min-heap of events keyed by (time, sequence), stored in parallel primitive arrays so the hot path
 * allocates nothing. The sequence number grows with every push, so events at equal times run in the order they
 * were scheduled: the run is deterministic whatever the floating-point ties.
 */
final class EventQueue {
    private static final int TYPE_BITS = 8;
    private static final long TYPE_MASK = (1L << TYPE_BITS) - 1;

    private double[] times;
    /** sequence << 8 | type: unique, so it breaks every tie. */
    private long[] keys;
    private long[] payloads;
    private int size;
    private long sequence;

    EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new double[capacity];
        keys = new long[capacity];
        payloads = new long[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(double time, int type, long payload) {
        if (size == times.length) {
            grow();
        }
        long key = (sequence++ << TYPE_BITS) | type;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            double pt = times[parent];
            // the new key is larger than every stored key, so on equal times the parent stays
            if (pt <= time) {
                break;
            }
            times[i] = pt;
            keys[i] = keys[parent];
            payloads[i] = payloads[parent];
            i = parent;
        }
        times[i] = time;
        keys[i] = key;
        payloads[i] = payload;
    }

    double topTime() {
        return times[0];
    }

    int topType() {
        return (int) (keys[0] & TYPE_MASK);
    }

    long topPayload() {
        return payloads[0];
    }

    void removeTop() {
        int last = --size;
        if (last == 0) {
            return;
        }
        double time = times[last];
        long key = keys[last];
        long payload = payloads[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && less(times[right], keys[right], times[child], keys[child])) {
                child = right;
            }
            if (!less(times[child], keys[child], time, key)) {
                break;
            }
            times[i] = times[child];
            keys[i] = keys[child];
            payloads[i] = payloads[child];
            i = child;
        }
        times[i] = time;
        keys[i] = key;
        payloads[i] = payload;
    }

    private static boolean less(double t1, long k1, double t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }

    private void grow() {
        int capacity = times.length * 2;
        times = java.util.Arrays.copyOf(times, capacity);
        keys = java.util.Arrays.copyOf(keys, capacity);
        payloads = java.util.Arrays.copyOf(payloads, capacity);
    }
}
