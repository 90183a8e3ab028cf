package dev.failoverlab.loadgen.http;

/** A growable FIFO ring of primitive longs: the backlog of intended send times, without boxing. */
final class LongQueue {
    private long[] items = new long[1024];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(long value) {
        if (size == items.length) {
            long[] bigger = new long[items.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = items[(head + i) % items.length];
            }
            items = bigger;
            head = 0;
        }
        items[(head + size) % items.length] = value;
        size++;
    }

    long peek() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        return items[head];
    }

    long poll() {
        long value = peek();
        head = (head + 1) % items.length;
        size--;
        return value;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
