package org.xuncha.findings;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.platform.crypto.FieldCipher;

/**
 * The sealed names of an inspection's interviewees (个别谈话 work logs, withdrawn ones too) and of the persons of its
 * leads, opened only for the check that a 反馈意见 names none of them before it is delivered (issue 14). Only the
 * OFFICE of the inspection's body (writable) gets them, as a {@link PersonNameSet} that answers "appears in" and
 * never shows a name; nothing here is logged or audited as an opening, since no name leaves the set.
 *
 * <p>The sealing contexts are those of findings.worklog ({@code TeamWorkLogs.INTERVIEWEE + "#" + id}, the value
 * "name\npost") and findings.lead ({@code Leads.NAME}); rectification's FeedbackFlowTests seals with these contexts and
 * proves the check finds the names.
 */
@Service
public class InspectionPersonNames {

    static final String INTERVIEWEE = "work_log.interviewee";
    static final String LEAD_PERSON = "lead.person.name";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    InspectionPersonNames(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Transactional(readOnly = true)
    public PersonNameSet interviewees(DataScope scope, InspectionId inspection) {
        if (!office(scope)) {
            return new PersonNameSet(List.of());
        }
        List<String> names = jdbc.sql("""
                SELECT l.id, l.interviewee_sealed FROM work_log l JOIN inspection_scope_view v ON v.id = l.inspection_id
                 WHERE l.inspection_id = :i AND l.kind = 'TALK' AND l.interviewee_sealed IS NOT NULL
                   AND v.body_id IN (:writable)
                """).param("i", inspection.value()).param("writable", scope.writableBodyIds())
                .query((rs, n) -> {
                    String opened = cipher.open(INTERVIEWEE + "#" + rs.getLong(1), rs.getString(2));
                    return opened == null ? null : opened.split("\n", 2)[0];
                }).list();
        return new PersonNameSet(names);
    }

    @Transactional(readOnly = true)
    public PersonNameSet involved(DataScope scope, InspectionId inspection) {
        if (!office(scope)) {
            return new PersonNameSet(List.of());
        }
        List<String> names = jdbc.sql("""
                SELECT p.name_sealed FROM problem_lead_person p JOIN problem_lead l ON l.id = p.lead_id
                  JOIN inspection_scope_view v ON v.id = l.inspection_id
                 WHERE l.inspection_id = :i AND v.body_id IN (:writable)
                """).param("i", inspection.value()).param("writable", scope.writableBodyIds())
                .query((rs, n) -> cipher.open(LEAD_PERSON, rs.getString(1))).list();
        return new PersonNameSet(names);
    }

    private static boolean office(DataScope scope) {
        return scope.has(Role.OFFICE) && !scope.has(Role.TARGET);
    }
}
