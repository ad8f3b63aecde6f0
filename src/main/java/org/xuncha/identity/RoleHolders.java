package org.xuncha.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;

/**
 * Who holds a role where, for addressing to-dos (supervision's reminders, issue 15 §7): the enabled accounts with
 * the role in a body, or — for the TARGET — bound to an organization. Ids only; nothing else of the account leaves
 * this module.
 */
@Service
public class RoleHolders {

    private final JdbcClient jdbc;

    RoleHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enabled accounts of {@code body} holding {@code role}, in id order. */
    @Transactional(readOnly = true)
    public List<UserId> inBody(Role role, BodyId body) {
        return jdbc.sql("""
                SELECT u.id FROM user_account u JOIN user_role ur ON ur.user_account = u.id
                WHERE u.enabled = TRUE AND u.body_id = :body AND ur.role = :role ORDER BY u.id
                """).param("body", body.value()).param("role", role.name())
                .query((rs, n) -> UserId.of(rs.getLong(1))).list();
    }

    /** Enabled accounts bound to {@code organization} holding {@code role} (the TARGET's liaison accounts). */
    @Transactional(readOnly = true)
    public List<UserId> ofOrganization(Role role, OrganizationId organization) {
        return jdbc.sql("""
                SELECT u.id FROM user_account u JOIN user_role ur ON ur.user_account = u.id
                WHERE u.enabled = TRUE AND u.organization_id = :org AND ur.role = :role ORDER BY u.id
                """).param("org", organization.value()).param("role", role.name())
                .query((rs, n) -> UserId.of(rs.getLong(1))).list();
    }
}
