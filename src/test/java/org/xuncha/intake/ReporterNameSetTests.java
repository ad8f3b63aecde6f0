package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The reporter name set answers "appears in" and never prints a name. */
@Tag("pure")
class ReporterNameSetTests {

    @Test
    void itFindsANameInATextAndPrintsOnlyTheCount() {
        ReporterNameSet names = new ReporterNameSet(List.of("欧阳明远"));
        assertThat(names.appearsIn("据欧阳明远反映")).isTrue();
        assertThat(names.appearsIn("据群众反映")).isFalse();
        assertThat(String.valueOf(names)).isEqualTo("ReporterNameSet[1 names]").doesNotContain("欧阳");
    }
}
