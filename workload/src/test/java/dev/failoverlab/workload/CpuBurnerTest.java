package dev.failoverlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

final class CpuBurnerTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void burnsAtLeastTheRequestedThreadCpuTimeAndLittleMore() {
        assertThat(CpuBurner.measuresThreadCpu()).as("this JVM measures thread CPU time").isTrue();
        CpuBurner.burn(2_000_000); // first calls run interpreted; compile the loop before measuring

        long before = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < 5; i++) {
            CpuBurner.burn(4_000_000);
        }
        long burned = THREADS.getCurrentThreadCpuTime() - before;

        assertThat(burned).isBetween(20_000_000L, 26_000_000L);
    }

    @Test
    void nothingToBurnReturnsAtOnce() {
        long before = THREADS.getCurrentThreadCpuTime();
        CpuBurner.burn(0);
        CpuBurner.burn(-5);

        assertThat(THREADS.getCurrentThreadCpuTime() - before).isLessThan(1_000_000L);
    }
}
