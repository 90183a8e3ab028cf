package dev.failoverlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class EventQueueTest {

    private record Entry(double time, long order, int type, long payload) {
    }

    @Test
    void popsByTimeThenInsertionOrderThroughGrowthAndInterleaving() {
        EventQueue queue = new EventQueue(4);
        SplittableRandom random = new SplittableRandom(1);
        List<Entry> expected = new ArrayList<>();
        List<Entry> popped = new ArrayList<>();
        long order = 0;
        double clock = 0;
        for (int round = 0; round < 2000; round++) {
            int pushes = random.nextInt(4);
            for (int i = 0; i < pushes; i++) {
                // coarse times make many exact ties
                double time = clock + random.nextInt(20) * 0.5;
                int type = random.nextInt(16);
                long payload = random.nextLong();
                queue.push(time, type, payload);
                expected.add(new Entry(time, order++, type, payload));
            }
            if (!queue.isEmpty() && random.nextBoolean()) {
                popped.add(new Entry(queue.topTime(), -1, queue.topType(), queue.topPayload()));
                clock = queue.topTime();
                queue.removeTop();
            }
        }
        while (!queue.isEmpty()) {
            popped.add(new Entry(queue.topTime(), -1, queue.topType(), queue.topPayload()));
            queue.removeTop();
        }
        // a discrete-event order: never back in time, and ties in push order
        for (int i = 1; i < popped.size(); i++) {
            assertThat(popped.get(i).time()).isGreaterThanOrEqualTo(popped.get(i - 1).time());
        }
        expected.sort(Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::order));
        assertThat(popped).extracting(Entry::payload)
                .containsExactlyElementsOf(expected.stream().map(Entry::payload).toList());
        assertThat(popped).extracting(Entry::type)
                .containsExactlyElementsOf(expected.stream().map(Entry::type).toList());
    }
}
