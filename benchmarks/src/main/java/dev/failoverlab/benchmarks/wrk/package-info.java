/** The load generator measured side by side with wrk against the real workload: throughput and coordinated omission. */
package dev.failoverlab.benchmarks.wrk;
