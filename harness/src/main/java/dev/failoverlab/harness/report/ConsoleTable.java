package dev.failoverlab.harness.report;

import java.io.PrintStream;

/** The suite summary as an aligned plain-text table for the command line. */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    /** Suite totals per policy, columns padded, numbers right-aligned; ends with a newline. */
    public static String suite(ReportResult result) {
        return ReportTables.suite(result.results()).text();
    }

    /** Prints the headline, the suite table and where the report is. */
    public static void print(ReportResult result, PrintStream out) {
        out.println(result.headline());
        out.print(suite(result));
        out.println("report: " + result.indexHtml());
    }
}
