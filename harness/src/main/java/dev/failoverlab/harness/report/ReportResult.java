package dev.failoverlab.harness.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ReportWriter#render} wrote, and a one-line suite summary for the console.
 *
 * @param charts  the PNG files under {@code charts/}, in report order
 * @param results the scored results behind every file (for {@link ConsoleTable})
 */
public record ReportResult(Path folder, Path summaryMarkdown, Path summaryJson, Path performanceJson,
                           Path indexHtml, List<Path> charts, String headline, SuiteResults results) {

    public ReportResult {
        charts = List.copyOf(charts);
    }

    /** Every file written, in a stable order. */
    public List<Path> written() {
        List<Path> all = new ArrayList<>(List.of(summaryJson, performanceJson, summaryMarkdown, indexHtml));
        all.addAll(charts);
        return all;
    }
}
