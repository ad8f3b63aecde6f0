package org.xuncha.organization;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuncha.common.BodyId;
import org.xuncha.common.OrganizationId;

/** The organization module's API for other modules. */
@Service
public class OrganizationCatalog {

    private final JdbcClient jdbc;

    OrganizationCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The body that inspects the organization (its 管辖), used to place TARGET accounts. */
    public Optional<BodyId> bodyOf(OrganizationId organization) {
        return jdbc.sql("SELECT body_id FROM party_organization WHERE id = :id")
                .param("id", organization.value()).query(Long.class).optional().map(BodyId::of);
    }

    /** An active organization by its code, e.g. to bind a TARGET account to it; inactive ones are not found. */
    public Optional<OrganizationRef> findByCode(String code) {
        return jdbc.sql("SELECT id, code, name, body_id FROM party_organization WHERE code = :code AND active = TRUE")
                .param("code", code).query(OrganizationCatalog::ref).optional();
    }

    /** An organization by id, active or not, for showing what an account is bound to. */
    public Optional<OrganizationRef> find(OrganizationId id) {
        return jdbc.sql("SELECT id, code, name, body_id FROM party_organization WHERE id = :id")
                .param("id", id.value()).query(OrganizationCatalog::ref).optional();
    }

    private static OrganizationRef ref(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OrganizationRef(OrganizationId.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
                BodyId.of(rs.getLong(4)));
    }

    /** An organization as other modules see it: id, code, name and the body that inspects it. */
    public record OrganizationRef(OrganizationId id, String code, String name, BodyId body) {
    }
}
