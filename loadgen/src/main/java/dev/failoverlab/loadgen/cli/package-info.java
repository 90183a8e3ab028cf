/**
 * The {@code loadgen} command: plays a load profile against a URL with the open-loop engine, prints a live line
 * each second, and writes JSON/CSV summaries. Bad input is one line on stderr and exit code 2.
 */
package dev.failoverlab.loadgen.cli;
