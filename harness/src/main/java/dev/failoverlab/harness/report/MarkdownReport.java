package dev.failoverlab.harness.report;

import dev.failoverlab.harness.score.FaultWindows;
import java.util.List;

/** Renders summary.md: per-scenario tables, paired comparisons, suite totals and a short performance section. */
final class MarkdownReport {
    private final StringBuilder b = new StringBuilder(16_384);

    private MarkdownReport() {
    }

    static String render(SuiteResults s) {
        return new MarkdownReport().build(s);
    }

    private String build(SuiteResults s) {
        b.append("# ").append(ReportText.TITLE).append("\n\n");
        paragraph(ReportText.overview(s));
        paragraph(ReportText.method());
        for (ScenarioResults r : s.scenarios()) {
            scenario(r);
        }
        b.append("## Suite total\n\n");
        paragraph(ReportText.suiteNote());
        b.append(ReportTables.suite(s).markdown()).append('\n');
        if (!s.comparisons().isEmpty()) {
            b.append("### Paired comparisons over all scenarios and seeds\n\n");
            paragraph(ReportText.pairingNote(s.comparisons(), "(scenario, seed)"));
            b.append(ReportTables.comparisons(s.comparisons()).markdown()).append('\n');
        }
        b.append("## Performance\n\n");
        paragraph(ReportText.performanceNote());
        b.append(ReportTables.performance(s).markdown());
        return b.toString();
    }

    private void scenario(ScenarioResults r) {
        b.append("## Scenario `").append(r.scenario().name()).append("`\n\n");
        if (r.scenario().description() != null && !r.scenario().description().isBlank()) {
            paragraph(r.scenario().description().strip());
        }
        paragraph(ReportText.scenarioFacts(r));
        List<String> faults = ReportText.faults(r.scenario());
        if (!faults.isEmpty()) {
            b.append("Faults:\n\n");
            bullets(faults);
        }
        b.append(ReportTables.scenario(r).markdown()).append('\n');
        if (!r.scenario().expect().isEmpty()) {
            b.append("Expectations (runs passed / runs):\n\n");
            b.append(ReportTables.expectations(r).markdown()).append('\n');
        }
        if (r.scenario().faults().stream().filter(f -> !FaultWindows.isRepair(f)).count() > 1) {
            b.append("Decision latency per fault:\n\n");
            b.append(ReportTables.incidents(r).markdown()).append('\n');
        }
        List<String> findings = ReportText.findings(r);
        if (!findings.isEmpty()) {
            b.append("Findings:\n\n");
            bullets(findings);
        }
        if (!r.comparisons().isEmpty()) {
            b.append("### Paired comparisons: ").append(r.scenario().name()).append("\n\n");
            paragraph(ReportText.pairingNote(r.comparisons(), "seed"));
            b.append(ReportTables.comparisons(r.comparisons()).markdown()).append('\n');
        }
    }

    private void paragraph(String text) {
        b.append(text).append("\n\n");
    }

    private void bullets(List<String> items) {
        for (String item : items) {
            b.append("- ").append(item).append('\n');
        }
        b.append('\n');
    }
}
