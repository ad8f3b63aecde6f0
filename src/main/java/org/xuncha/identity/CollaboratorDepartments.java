package org.xuncha.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuncha.common.BodyId;

/**
 * The collaborating departments (协作部门) of an inspection body: the distinct departments of its enabled
 * COLLABORATOR accounts. A request may only go to one of them, so that someone can answer it.
 */
@Service
public class CollaboratorDepartments {

    private final JdbcClient jdbc;

    CollaboratorDepartments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Departments of {@code body} with at least one enabled collaborator account, in name order. */
    public List<String> of(BodyId body) {
        if (body == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT a.department FROM user_account a
                JOIN user_role r ON r.user_account = a.id AND r.role = 'COLLABORATOR'
                WHERE a.body_id = :body AND a.enabled = TRUE AND a.department IS NOT NULL AND a.department <> ''
                ORDER BY a.department
                """).param("body", body.value()).query(String.class).list();
    }

    /** Whether {@code department} is one of {@link #of(BodyId)}. */
    public boolean has(BodyId body, String department) {
        return department != null && of(body).contains(department);
    }
}
