/**
 * The demo web app that runs as web-blue and web-green: {@link dev.failoverlab.workload.WorkloadMain} reads
 * {@link dev.failoverlab.workload.WorkloadConfig} from the environment and starts a
 * {@link dev.failoverlab.workload.WorkloadServer} (JDK HTTP server, CPU work per request, slow and failing
 * requests on demand, readiness with warm-up and drain, Prometheus metrics).
 */
package dev.failoverlab.workload;
