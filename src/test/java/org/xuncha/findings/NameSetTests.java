package org.xuncha.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The name set answers "appears in" and never prints a name; one-character names are not kept. */
@Tag("pure")
class NameSetTests {

    @Test
    void itFindsANameInATextAndPrintsOnlyTheCount() {
        PersonNameSet names = new PersonNameSet(Arrays.asList("司马青云", " 诸葛长风 ", "王", null, "司马青云"));
        assertThat(names.size()).isEqualTo(2);
        assertThat(names.appearsIn("经查，诸葛长风负有责任。")).isTrue();
        assertThat(names.appearsIn("王某某负有责任。")).as("a one-character name is not kept").isFalse();
        assertThat(names.appearsIn(null)).isFalse();
        assertThat(names.toString()).isEqualTo("PersonNameSet[2 names]").doesNotContain("司马");
        assertThat(new PersonNameSet(List.of()).appearsIn("任何文字")).isFalse();
    }
}
