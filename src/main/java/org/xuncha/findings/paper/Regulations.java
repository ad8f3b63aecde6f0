package org.xuncha.findings.paper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The maintained list of regulations a working paper's 定性依据 picks from: the built-in national list (seeded by
 * the migration, read by every body) and each office's additions, which only that office adds or deactivates.
 * Regulations are reference data, not case data: every reader of working papers reads the list of its bodies.
 */
@Service
class Regulations {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Regulations(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    record Regulation(long id, Long bodyId, String title, String articles, boolean active) {
        public boolean builtIn() {
            return bodyId == null;
        }
    }

    /** The regulations the caller's bodies use; {@code activeOnly} for the paper form's choice. */
    @Transactional(readOnly = true)
    List<Regulation> list(DataScope scope, boolean activeOnly) {
        return jdbc.sql("SELECT id, body_id, title, articles, active FROM finding_regulation"
                        + " WHERE (body_id IS NULL OR body_id IN (:bodies))" + (activeOnly ? " AND active = TRUE" : "")
                        + " ORDER BY CASE WHEN body_id IS NULL THEN 0 ELSE 1 END, id")
                .param("bodies", scope.readableBodyIds())
                .query((rs, n) -> new Regulation(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5))).list();
    }

    /** An active regulation the caller's bodies use, for a paper's basis. */
    Optional<Regulation> usable(DataScope scope, long id) {
        return list(scope, true).stream().filter(r -> r.id() == id).findFirst();
    }

    @Transactional
    long add(DataScope scope, String title, String articles) {
        requireOffice(scope);
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new UserInputException("请填写法规名称，例如《中国共产党纪律处分条例》");
        }
        if (t.length() > 200) {
            throw new UserInputException("法规名称最多 200 字");
        }
        String a = articles == null || articles.isBlank() ? null : articles.strip();
        if (a != null && a.length() > 500) {
            throw new UserInputException("条款说明最多 500 字");
        }
        boolean duplicate = jdbc.sql("""
                SELECT count(*) FROM finding_regulation
                WHERE title = :t AND active = TRUE AND (body_id IS NULL OR body_id = :b)
                """).param("t", t).param("b", scope.body().value()).query(Long.class).single() > 0;
        if (duplicate) {
            throw new UserInputException("法规“" + t + "”已在列表中");
        }
        jdbc.sql("""
                INSERT INTO finding_regulation (body_id, title, articles, active, created_at)
                VALUES (:b, :t, :a, TRUE, :now)
                """).param("b", scope.body().value()).param("t", t).param("a", a)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        long id = jdbc.sql("SELECT max(id) FROM finding_regulation WHERE body_id = :b")
                .param("b", scope.body().value()).query(Long.class).single();
        audit.success("REGULATION_ADDED", "Regulation", id, "body=" + scope.body().value());
        return id;
    }

    /** Takes an office's own regulation off the form's choice; papers that cite it keep it. */
    @Transactional
    void deactivate(DataScope scope, long id) {
        requireOffice(scope);
        int changed = jdbc.sql("UPDATE finding_regulation SET active = FALSE WHERE id = :id AND body_id = :b")
                .param("id", id).param("b", scope.body().value()).update();
        if (changed == 0) {
            throw new NotFoundInScope("regulation " + id);
        }
        audit.success("REGULATION_DEACTIVATED", "Regulation", id, "body=" + scope.body().value());
    }

    private static void requireOffice(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new AccessDeniedException("only an inspection office maintains its regulations");
        }
    }
}
