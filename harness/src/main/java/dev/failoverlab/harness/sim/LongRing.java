package dev.failoverlab.harness.sim;

/** A growable FIFO of primitive longs (request handles in arrival order, for the timeout sweep). */
final class LongRing {
    private long[] items;
    private int head;
    private int size;

    LongRing(int initialCapacity) {
        items = new long[Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(long value) {
        if (size == items.length) {
            grow();
        }
        items[(head + size) & (items.length - 1)] = value;
        size++;
    }

    long peek() {
        return items[head];
    }

    void removeFirst() {
        head = (head + 1) & (items.length - 1);
        size--;
    }

    private void grow() {
        long[] bigger = new long[items.length * 2];
        int mask = items.length - 1;
        for (int i = 0; i < size; i++) {
            bigger[i] = items[(head + i) & mask];
        }
        items = bigger;
        head = 0;
    }
}
