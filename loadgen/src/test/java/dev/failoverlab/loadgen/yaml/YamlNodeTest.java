package dev.failoverlab.loadgen.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class YamlNodeTest {

    private static YamlNode root(String yaml) {
        return YamlNode.compose(yaml, "t.yaml");
    }

    @Test
    void tracksPathsAndPositionsThroughMappingsAndLists() {
        YamlNode load = root("load:\n  - ramp: {from: 1, to: 2, over: 5m}\n  - constant:\n      rps: 3\n")
                .require("load");
        List<YamlNode> items = load.elements();
        YamlNode over = items.get(0).require("ramp").require("over");
        YamlNode rps = items.get(1).require("constant").require("rps");

        assertThat(over.path()).isEqualTo("load[0].ramp.over");
        assertThat(over.location()).isEqualTo(new SourceLocation("t.yaml", 2, 34));
        assertThat(over.asDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rps.path()).isEqualTo("load[1].constant.rps");
        assertThat(rps.location()).isEqualTo(new SourceLocation("t.yaml", 4, 12));
    }

    @Test
    void unknownKeyListsTheAllowedKeysInTheGivenOrder() {
        YamlNode node = root("a: 1\nzz: 2\n");
        assertThatThrownBy(() -> node.forbidUnknownKeys(List.of("c", "a", "b")))
                .hasMessage("t.yaml:2:1: zz: unknown key 'zz'; allowed keys: c, a, b");
    }

    @Test
    void typeErrorsSayWhatWasExpectedAndWhatWasFound() {
        YamlNode node = root("n: [1, 2]\nd: 30\ni: 2.5\nb: maybe\ne:\nm: {x: 1}\n");
        assertThatThrownBy(() -> node.require("n").asNumber(NumberRange.ANY_NON_NEGATIVE))
                .hasMessage("t.yaml:1:4: n: expected a number, got a list");
        assertThatThrownBy(() -> node.require("d").asDuration())
                .hasMessage("t.yaml:2:4: d: expected a duration like 30s or 5m, got '30' (add a unit: ms, s, m or h)");
        assertThatThrownBy(() -> node.require("i").asInt(NumberRange.ANY_NON_NEGATIVE))
                .hasMessage("t.yaml:3:4: i: expected a whole number, got '2.5'");
        assertThatThrownBy(() -> node.require("b").asBoolean())
                .hasMessage("t.yaml:4:4: b: expected true or false, got 'maybe'");
        assertThatThrownBy(() -> node.require("e").asString())
                .hasMessageContaining("e: needs a value");
        assertThatThrownBy(() -> node.require("m").asString())
                .hasMessage("t.yaml:6:4: m: expected a string, got a mapping");
        assertThatThrownBy(() -> node.require("m").elements())
                .hasMessage("t.yaml:6:4: m: expected a list, got a mapping");
    }

    @Test
    void rangesAreCheckedWithTheRuleInTheMessage() {
        YamlNode node = root("p: 120\nz: 0\nq: \"42\"\n");
        assertThatThrownBy(() -> node.require("p").asNumber(NumberRange.PERCENT))
                .hasMessage("t.yaml:1:4: p: must be between 0 and 100, got 120");
        assertThatThrownBy(() -> node.require("z").asNumber(NumberRange.POSITIVE))
                .hasMessage("t.yaml:2:4: z: must be > 0, got 0");
        assertThat(node.require("q").asNumber(NumberRange.PERCENT)).isEqualTo(42.0);
    }

    @Test
    void duplicateKeysAndComplexKeysAreErrors() {
        assertThatThrownBy(() -> root("a: 1\nb: 2\na: 3\n").entries())
                .hasMessage("t.yaml:3:1: a: duplicate key 'a' (first set at line 1)");
        assertThatThrownBy(() -> root("? [a, b]\n: 1\n").entries())
                .hasMessageContaining("keys must be plain names");
    }

    @Test
    void exactlyOneKindKey() {
        YamlNode node = root("x: 1\ny: 2\n");
        assertThat(node.requireOneOf(List.of("y", "w"), "a thing").key()).isEqualTo("y");
        assertThatThrownBy(() -> node.requireOneOf(List.of("x", "y"), "a thing"))
                .hasMessage("t.yaml:2:1: y: a thing has exactly one kind, found both 'x' and 'y'");
        assertThatThrownBy(() -> node.requireOneOf(List.of("v", "w"), "a thing"))
                .hasMessage("t.yaml:1:1: a thing needs one of: v, w");
    }

    @Test
    void aMultiDocumentStreamIsASyntaxError() {
        assertThatThrownBy(() -> root("a: 1\n---\nb: 2\n"))
                .isInstanceOf(YamlFileException.class)
                .hasMessageContaining("YAML syntax error");
    }
}
