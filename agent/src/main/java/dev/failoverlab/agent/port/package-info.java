/**
 * The agent's ports: everything the brain (and every control policy of the harness) may know about and do
 * to a cluster. Adapters implement them: the simulator for the {@code sim} backend, Fabric8 + Prometheus for
 * real clusters. Nothing here exposes simulator internals (service times, fault settings): a policy sees only
 * what a real cluster shows, with the lag a real cluster has.
 */
package dev.failoverlab.agent.port;
