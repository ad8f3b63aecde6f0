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
}
