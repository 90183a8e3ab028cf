package dev.failoverlab.agent.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The provenance checker the endpoint tests rely on: what counts as a number and what counts as a match. */
final class NumbersInEvidenceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void readsNumbersButNotNamesOrPaths() {
        var shown = NumbersInEvidence.numbersIn("green's p95 was 18 % lower (95 % CI 12\u201324 %, n = 50,000) "
                + "by gpt-4o in /var/2026/x.jsonl, rules v3, 0.35", "t");
        assertThat(shown).extracting(NumbersInEvidence.Shown::value)
                .containsExactly(18.0, 95.0, 12.0, 24.0, 50_000.0, 0.35);
        assertThat(shown).extracting(NumbersInEvidence.Shown::decimals).containsExactly(0, 0, 0, 0, 0, 2);
    }

    @Test
    void matchesWithinShownPrecisionAndAsPercentages() throws Exception {
        Evidence e = new Evidence();
        e.measure("share", "blue", "5m", 0.1834, "fraction", "test");
        e.model("m").output("x", 0.35).output("n", 240).add();
        var response = MAPPER.createObjectNode();
        response.put("text", "18 % of 240, threshold 0.35, or 18.3 %");
        response.put("count", 240);
        response.set("evidence", MAPPER.valueToTree(e));
        NumbersInEvidence.assertAllInEvidence(response);
    }

    @Test
    void reportsEveryNumberWithoutEvidenceWithItsPath() throws Exception {
        JsonNode response = json("{'a': {'list': ['was 19 %', 'n = 12']}, 'b': 0.4,"
                + " 'evidence': {'measurements': [{'value': 0.1834}, {'value': 12}]}}");
        assertThat(NumbersInEvidence.unmatched(response)).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("a.list[0]").endsWith(": 19"))
                .anySatisfy(s -> assertThat(s).startsWith("b").endsWith(": 0.4"));
        assertThatThrownBy(() -> NumbersInEvidence.assertAllInEvidence(response))
                .hasMessageContaining("2 number(s) shown without evidence");
    }

    @Test
    void roundingOfTheShownPrecisionOnly() throws Exception {
        JsonNode evidence = json("{'evidence': {'v': [0.1849]}}");
        assertThat(NumbersInEvidence.numbersIn("18 %", "t").get(0).matches(0.1849)).isTrue();
        assertThat(NumbersInEvidence.numbersIn("18.5 %", "t").get(0).matches(0.1849)).isTrue();
        assertThat(NumbersInEvidence.numbersIn("18.4 %", "t").get(0).matches(0.1849)).isFalse();
        assertThat(NumbersInEvidence.evidenceValues(evidence)).containsExactly(0.1849);
    }
}
