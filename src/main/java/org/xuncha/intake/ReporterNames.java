package org.xuncha.intake;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.platform.crypto.FieldCipher;

/**
 * The sealed names of an inspection's real-name reporters, opened only for the check that a 反馈意见 names none of
 * them before it is delivered (issue 14). Only the OFFICE of the inspection's body (writable, by
 * {@code intake_inspection.body_id}) gets them, as a {@link ReporterNameSet} that answers "appears in" and never
 * shows a name: no identity is unsealed for a person to read, so this is not the audited unsealing of
 * {@link Petitions}.
 */
@Service
public class ReporterNames {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ReporterNames(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Transactional(readOnly = true)
    public ReporterNameSet of(DataScope scope, InspectionId inspection) {
        if (!scope.has(Role.OFFICE) || scope.has(Role.TARGET)) {
            return new ReporterNameSet(List.of());
        }
        List<String> names = jdbc.sql("""
                SELECT p.reporter_name_sealed FROM petition p JOIN intake_inspection i ON i.inspection_id = p.inspection_id
                 WHERE p.inspection_id = :i AND p.reporter_name_sealed IS NOT NULL AND i.body_id IN (:writable)
                """).param("i", inspection.value()).param("writable", scope.writableBodyIds())
                .query((rs, n) -> cipher.open(Petitions.NAME_FIELD, rs.getString(1))).list();
        return new ReporterNameSet(names);
    }
}
