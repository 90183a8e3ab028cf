/**
 * The command line: {@code run}, {@code report} and {@code validate} (picocli). Bad input ends with one readable
 * line on stderr and exit code 2; nothing is half-written.
 */
package dev.failoverlab.harness.cli;
