package org.xuncha.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.RegionCode;

/** Known administrative divisions (行政区划), for checking codes entered by people. Regions are not case data. */
@Component
class RegionDirectory {

    private final JdbcClient jdbc;

    RegionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", code).query(Long.class).single() > 0;
    }

    Set<String> existing(Collection<String> codes) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(new HashSet<>(codes));
        for (int i = 0; i < all.size(); i += 1_000) {
            found.addAll(jdbc.sql("SELECT code FROM region WHERE code IN (:codes)")
                    .param("codes", all.subList(i, Math.min(all.size(), i + 1_000))).query(String.class).list());
        }
        return found;
    }

    /** Whether {@code code} lies inside the body's own division (a county body: that county). */
    static boolean within(String code, String bodyRegion) {
        return RegionCode.isValid(code) && RegionCode.isValid(bodyRegion)
                && code.startsWith(RegionCode.of(bodyRegion).significantPrefix());
    }
}
