/**
 * The agent's API contract, as the runbook's curl bodies define it: request records with the runbook's
 * snake_case field names, lenient to unknown fields and strict about types and known enumerations.
 * Parsing helpers turn the runbook's phrases ({@code "10_minutes"}, {@code "2x_normal"}) into numbers.
 */
package dev.failoverlab.agent.api;
