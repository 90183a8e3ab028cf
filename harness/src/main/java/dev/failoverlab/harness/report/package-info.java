/**
 * Reports rendered from raw runs (never from a live run): {@link dev.failoverlab.harness.report.ReportWriter}
 * reads {@code raw/} through {@link dev.failoverlab.harness.run.RawStore}, scores every run and writes
 * {@code summary.json} (deterministic), {@code performance.json} (wall-clock figures), {@code summary.md},
 * {@code index.html} with embedded JFreeChart PNGs, and {@code charts/*.png}. Rendering the same raw folder twice
 * gives byte-identical {@code summary.md} and {@code summary.json}. The layout is documented in
 * {@code reports/README.md}.
 */
package dev.failoverlab.harness.report;
