package org.xuncha.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one LIKE escaping, on the configured database (H2 in PostgreSQL mode; PostgreSQL itself with
 * {@code -Dxuncha.postgres=true}): %, _ and the backslash are matched literally with {@code ESCAPE '\'}.
 */
@SpringBootTest
class LikePatternTests {

    @Autowired JdbcClient jdbc;

    List<String> matching(String text) {
        return jdbc.sql("SELECT x FROM (VALUES ('10%'), ('100'), ('a_b'), ('axb'), ('c\\d'), ('cd')) AS v(x) "
                        + "WHERE x LIKE :p " + LikePattern.ESCAPE + " ORDER BY x")
                .param("p", LikePattern.contains(text)).query(String.class).list();
    }

    @Test
    void percentUnderscoreAndBackslashAreMatchedLiterally() {
        assertThat(LikePattern.escape("5%_\\")).isEqualTo("5\\%\\_\\\\");
        assertThat(matching("0%")).containsExactly("10%");
        assertThat(matching("a_")).containsExactly("a_b");
        assertThat(matching("c\\")).containsExactly("c\\d");
        assertThat(matching("")).hasSize(6);
    }
}
