/**
 * YAML read with positions: every error names {@code file:line:column}, the field path and how to fix it.
 * Shared by scenario files (harness) and load-profile files (the load generator's CLI).
 */
package dev.failoverlab.loadgen.yaml;
