/**
 * The agent's HTTP face (Javalin 7 on Jetty 12): the runbook's five {@code POST} routes and {@code GET /health},
 * JSON in and out through one strict Jackson 2 mapper. Every client error is a 4xx with
 * {@code {"error": ..., "field": ...}} that says what is wrong, where, and how to fix it; an unexpected failure is
 * a 500 carrying only an error id (the stack trace goes to the log). Each decided request leaves one structured
 * log line.
 */
package dev.failoverlab.agent.http;
