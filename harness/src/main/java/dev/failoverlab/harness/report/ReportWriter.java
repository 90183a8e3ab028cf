package dev.failoverlab.harness.report;

import dev.failoverlab.harness.scenario.Scenario;
import dev.failoverlab.harness.score.SuiteTotals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a report folder from its raw runs: {@code summary.json}, {@code performance.json}, {@code summary.md},
 * {@code index.html} and {@code charts/*.png}. Never re-runs anything; rendering twice gives the same
 * summary.md and summary.json byte for byte.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * @param reportFolder folder holding {@code raw/<scenario>/<policy>/seed-<n>/}
     * @param scenarios    definitions of (at least) every scenario that has raw runs; order = report order
     */
    public static ReportResult render(Path reportFolder, List<Scenario> scenarios) {
        System.setProperty("java.awt.headless", "true");
        SuiteResults results = SuiteCollector.collect(reportFolder, scenarios);
        try {
            Path summaryJson = write(reportFolder.resolve("summary.json"), SummaryJson.render(results));
            Path performanceJson = write(reportFolder.resolve("performance.json"), PerformanceJson.render(results));
            Path summaryMd = write(reportFolder.resolve("summary.md"), MarkdownReport.render(results));
            Path chartDir = Files.createDirectories(reportFolder.resolve("charts"));
            Map<String, List<ChartRenderer.Chart>> charts = new LinkedHashMap<>();
            List<Path> chartFiles = new ArrayList<>();
            for (ScenarioResults r : results.scenarios()) {
                List<ChartRenderer.Chart> rendered = ChartRenderer.render(r);
                charts.put(r.scenario().name(), rendered);
                for (ChartRenderer.Chart c : rendered) {
                    chartFiles.add(Files.write(chartDir.resolve(c.fileName()), c.png()));
                }
            }
            Path index = write(reportFolder.resolve("index.html"), HtmlReport.render(results, charts));
            return new ReportResult(reportFolder, summaryMd, summaryJson, performanceJson, index, chartFiles,
                    headline(results), results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + reportFolder + ": " + e.getMessage(), e);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** e.g. {@code 12 runs, 2 scenarios — traditional: 4/12 expectations, Σ SLO violation 310.0 s, $0.0812; ...}. */
    static String headline(SuiteResults s) {
        StringBuilder b = new StringBuilder();
        b.append(s.runs()).append(" runs, ").append(s.scenarios().size()).append(" scenario")
                .append(s.scenarios().size() == 1 ? "" : "s").append(" — ");
        for (int i = 0; i < s.totals().size(); i++) {
            SuiteTotals t = s.totals().get(i);
            b.append(i == 0 ? "" : "; ").append(t.policy()).append(": ")
                    .append(t.expectationsChecked() == 0 ? "no" : t.expectationsPassed() + "/" + t.expectationsChecked())
                    .append(" expectations, Σ SLO violation ").append(Fmt.fixed(t.sloViolationSeconds(), 1))
                    .append(" s, $").append(Fmt.fixed(t.costDollars(), 4));
        }
        return b.toString();
    }
}
