package dev.failoverlab.harness.report;

import dev.failoverlab.harness.score.FaultWindows;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Renders index.html: one self-contained page (inline CSS, charts as base64 PNG data URIs) with the same tables
 * and notes as summary.md plus five charts per scenario.
 */
final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1060px;\
            color:#222;line-height:1.45}
            h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
            table{border-collapse:collapse;margin:.8rem 0 1.2rem;font-size:.86rem}
            th,td{border:1px solid #ddd;padding:.25rem .5rem;vertical-align:top}
            th{background:#f3f3f3;text-align:left}td.num,th.num{text-align:right;white-space:nowrap}
            tbody tr:nth-child(even){background:#fafafa}
            figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555}
            img{max-width:100%;height:auto;border:1px solid #eee}
            .note{color:#555;font-size:.9rem}ul.findings{font-size:.85rem}
            """;
    private final StringBuilder b = new StringBuilder(1 << 20);

    private HtmlReport() {
    }

    /** @param charts per scenario name, its rendered charts */
    static String render(SuiteResults s, Map<String, List<ChartRenderer.Chart>> charts) {
        return new HtmlReport().build(s, charts);
    }

    private String build(SuiteResults s, Map<String, List<ChartRenderer.Chart>> charts) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(ReportText.TITLE)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(ReportText.TITLE)).append("</h1>\n");
        p(ReportText.overview(s), null);
        p(ReportText.method(), "note");
        b.append("<nav><ul>\n");
        for (ScenarioResults r : s.scenarios()) {
            b.append("<li><a href=\"#").append(anchor(r)).append("\">").append(Html.escape(r.scenario().name()))
                    .append("</a></li>\n");
        }
        b.append("<li><a href=\"#suite\">Suite total</a></li>\n<li><a href=\"#performance\">Performance</a></li>\n")
                .append("</ul></nav>\n");
        for (ScenarioResults r : s.scenarios()) {
            scenario(r, charts.getOrDefault(r.scenario().name(), List.of()));
        }
        b.append("<h2 id=\"suite\">Suite total</h2>\n");
        p(ReportText.suiteNote(), "note");
        b.append(ReportTables.suite(s).html());
        if (!s.comparisons().isEmpty()) {
            b.append("<h3>Paired comparisons over all scenarios and seeds</h3>\n");
            p(ReportText.pairingNote(s.comparisons(), "(scenario, seed)"), "note");
            b.append(ReportTables.comparisons(s.comparisons()).html());
        }
        b.append("<h2 id=\"performance\">Performance</h2>\n");
        p(ReportText.performanceNote(), "note");
        b.append(ReportTables.performance(s).html());
        return b.append("</body>\n</html>\n").toString();
    }

    private void scenario(ScenarioResults r, List<ChartRenderer.Chart> charts) {
        b.append("<h2 id=\"").append(anchor(r)).append("\">Scenario ").append(Html.escape(r.scenario().name()))
                .append("</h2>\n");
        if (r.scenario().description() != null && !r.scenario().description().isBlank()) {
            p(r.scenario().description().strip(), null);
        }
        p(ReportText.scenarioFacts(r), "note");
        list(ReportText.faults(r.scenario()), null);
        b.append(ReportTables.scenario(r).html());
        if (!r.scenario().expect().isEmpty()) {
            b.append(ReportTables.expectations(r).html());
        }
        if (r.scenario().faults().stream().filter(f -> !FaultWindows.isRepair(f)).count() > 1) {
            b.append(ReportTables.incidents(r).html());
        }
        for (ChartRenderer.Chart c : charts) {
            b.append("<figure><img width=\"").append(ChartRenderer.WIDTH).append("\" height=\"")
                    .append(ChartRenderer.HEIGHT).append("\" alt=\"").append(Html.escape(c.title()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(c.png()))
                    .append("\"><figcaption>").append(Html.escape(c.title())).append("</figcaption></figure>\n");
        }
        List<String> findings = ReportText.findings(r);
        if (!findings.isEmpty()) {
            b.append("<h3>Findings</h3>\n");
            list(findings, "findings");
        }
        if (!r.comparisons().isEmpty()) {
            b.append("<h3>Paired comparisons</h3>\n");
            p(ReportText.pairingNote(r.comparisons(), "seed"), "note");
            b.append(ReportTables.comparisons(r.comparisons()).html());
        }
    }

    private void p(String text, String cssClass) {
        b.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">").append(Html.escape(text))
                .append("</p>\n");
    }

    private void list(List<String> items, String cssClass) {
        if (items.isEmpty()) {
            return;
        }
        b.append(cssClass == null ? "<ul>\n" : "<ul class=\"" + cssClass + "\">\n");
        for (String item : items) {
            b.append("<li>").append(Html.escape(item)).append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private static String anchor(ScenarioResults r) {
        return "scenario-" + ChartRenderer.fileSafe(r.scenario().name());
    }
}
