/**
 * JMH benchmarks: the simulator's event rate and the agent's compute time per endpoint. Run them on a quiet
 * machine: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5}.
 */
package dev.failoverlab.benchmarks;
