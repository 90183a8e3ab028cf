package dev.failoverlab.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failoverlab.harness.score.Stat;
import org.junit.jupiter.api.Test;

final class TableTest {
    private final Table table = new Table("lr", "Policy", "Cost $")
            .row("agent", "0.2610")
            .row("a|b <x>", "12.0000");

    @Test
    void markdownEscapesPipesAndAlignsNumbersRight() {
        assertThat(table.markdown()).isEqualTo("""
                | Policy | Cost $ |
                |---|---:|
                | agent | 0.2610 |
                | a\\|b <x> | 12.0000 |
                """);
    }

    @Test
    void htmlEscapesMarkup() {
        assertThat(table.html()).contains("<th class=\"num\">Cost $</th>")
                .contains("<td>a|b &lt;x&gt;</td><td class=\"num\">12.0000</td>");
    }

    @Test
    void textPadsColumnsToTheWidestCell() {
        assertThat(table.text()).isEqualTo("""
                Policy    Cost $
                -------  -------
                agent     0.2610
                a|b <x>  12.0000
                """);
    }

    @Test
    void rowsMustMatchTheHeader() {
        assertThatThrownBy(() -> table.row("only one")).hasMessageContaining("row has 1 cells, table has 2 columns");
        assertThatThrownBy(() -> new Table("l", "a", "b")).hasMessageContaining("alignment 'l' has 1 letters");
    }

    @Test
    void numbersUseFixedDecimalsAndADashForNotApplicable() {
        assertThat(Fmt.stat(new Stat(43.333, 7.17, 3, 3), 1)).isEqualTo("43.3 ± 7.2");
        assertThat(Fmt.stat(new Stat(60, Double.NaN, 1, 3), 1)).isEqualTo("60.0 (1/3)");
        assertThat(Fmt.stat(new Stat(Double.NaN, Double.NaN, 0, 3), 1)).isEqualTo("—");
        assertThat(Fmt.fixed(-0.00001, 2)).isEqualTo("0.00");
        assertThat(Fmt.signed(0.24, 4)).isEqualTo("+0.2400");
        assertThat(Fmt.signed(-125, 1)).isEqualTo("-125.0");
        assertThat(Fmt.seconds(342.5)).isEqualTo("342.5");
        assertThat(Fmt.seconds(300)).isEqualTo("300");
    }
}
