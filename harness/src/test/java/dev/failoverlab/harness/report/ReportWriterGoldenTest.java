package dev.failoverlab.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the synthetic suite of {@link SyntheticSuite} and compares {@code summary.md} byte for byte with
 * {@code src/test/resources/golden/summary.md}.
 *
 * <p>After an intended change of the report, regenerate the golden file and review its diff:
 * <pre>
 * mvn -o -q -pl harness -am test -Dtest=ReportWriterGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 */
final class ReportWriterGoldenTest {
    private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden", "summary.md");
    private static final Pattern DATA_IMG = Pattern.compile("<img [^>]*src=\"data:image/png;base64,[A-Za-z0-9+/=]{100,}\"");

    @TempDir
    static Path folder;
    private static ReportResult first;

    @BeforeAll
    static void render() {
        SyntheticSuite.write(folder);
        first = ReportWriter.render(folder, SyntheticSuite.scenarios());
    }

    @Test
    void summaryMarkdownMatchesTheGoldenFile() throws IOException {
        String actual = Files.readString(first.summaryMarkdown(), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void renderingTwiceGivesIdenticalSummaries() throws IOException {
        byte[] json = Files.readAllBytes(first.summaryJson());
        byte[] md = Files.readAllBytes(first.summaryMarkdown());
        ReportResult second = ReportWriter.render(folder, SyntheticSuite.scenarios());
        assertThat(Files.readAllBytes(second.summaryJson())).isEqualTo(json);
        assertThat(Files.readAllBytes(second.summaryMarkdown())).isEqualTo(md);
    }

    @Test
    void summaryJsonHoldsNoWallClockValuesAndPerformanceJsonDoes() throws IOException {
        String json = Files.readString(first.summaryJson());
        assertThat(json).doesNotContainIgnoringCase("wall").contains("\"schemaVersion\": 1")
                .contains("\"sloViolationSeconds\"").doesNotContain("E-").doesNotContain("\r");
        assertThat(json.indexOf("\"backends\"")).as("keys sorted").isLessThan(json.indexOf("\"notRun\""));
        String perf = Files.readString(first.performanceJson());
        assertThat(perf).contains("\"wallSeconds\"").contains("\"agentQueryWallMsP99\"").contains("\"eventsPerSecond\"");
    }

    @Test
    void indexHtmlEmbedsEveryChartAsADataUriAndChartFilesExist() throws IOException {
        String html = Files.readString(first.indexHtml());
        int scenarios = SyntheticSuite.scenarios().size();
        assertThat(first.charts()).hasSize(5 * scenarios);
        Matcher m = DATA_IMG.matcher(html);
        int images = 0;
        while (m.find()) {
            images++;
        }
        assertThat(images).isEqualTo(5 * scenarios);
        assertThat(html.split("<img ", -1)).hasSize(5 * scenarios + 1);
        assertThat(html).contains("<style>").doesNotContain("<link").doesNotContain("<script");
        for (Path png : first.charts()) {
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
        try (Stream<Path> files = Files.list(folder.resolve("charts"))) {
            assertThat(files.count()).isEqualTo(5L * scenarios);
        }
    }

    @Test
    void consoleTableIsAlignedAndTheHeadlineNamesEveryPolicy() {
        String table = ConsoleTable.suite(first);
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(2 + SyntheticSuite.POLICIES.size());
        assertThat(lines.get(0)).startsWith("Policy").contains("Σ SLO-violation s");
        assertThat(lines.get(1)).matches("[- ]+");
        int costColumnEnd = lines.get(0).indexOf("Cost $") + "Cost $".length();
        for (String row : lines.subList(2, lines.size())) {
            assertThat(row.charAt(costColumnEnd - 1)).as("right-aligned numbers end under the header").isNotEqualTo(' ');
        }
        assertThat(first.headline()).startsWith("12 runs, 2 scenarios — ").contains("reactive: ").contains("agent: ");
        assertThat(first.written()).hasSize(4 + 5 * SyntheticSuite.scenarios().size());
    }
}
