package dev.failoverlab.harness.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table rendered three ways: Markdown (summary.md), HTML (index.html) and aligned plain text (console),
 * so every output shows the same cells.
 */
final class Table {
    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param alignment one letter per column: {@code l} left, {@code r} right (numbers)
     */
    Table(String alignment, String... header) {
        if (alignment.length() != header.length) {
            throw new IllegalArgumentException("alignment '" + alignment + "' has " + alignment.length()
                    + " letters for " + header.length + " columns");
        }
        this.header = List.of(header);
        this.right = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            right[i] = alignment.charAt(i) == 'r';
        }
    }

    Table row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + header.size()
                    + " columns: " + cells);
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    Table row(String... cells) {
        return row(List.of(cells));
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        mdLine(b, header);
        b.append('|');
        for (boolean r : right) {
            b.append(r ? "---:|" : "---|");
        }
        b.append('\n');
        for (List<String> row : rows) {
            mdLine(b, row);
        }
        return b.toString();
    }

    private static void mdLine(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        b.append('\n');
    }

    public String html() {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        for (int i = 0; i < header.size(); i++) {
            b.append(right[i] ? "<th class=\"num\">" : "<th>").append(Html.escape(header.get(i))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                b.append(right[i] ? "<td class=\"num\">" : "<td>").append(Html.escape(row.get(i))).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    /** Columns padded to their widest cell, separated by two spaces, with a dashed rule under the header. */
    public String text() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        textLine(b, header, width);
        for (int i = 0; i < width.length; i++) {
            b.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        b.append('\n');
        for (List<String> row : rows) {
            textLine(b, row, width);
        }
        return b.toString();
    }

    private void textLine(StringBuilder b, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            line.append(i == 0 ? "" : "  ").append(right[i] ? pad + c : c + pad);
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        b.append(line, 0, end).append('\n');
    }
}
