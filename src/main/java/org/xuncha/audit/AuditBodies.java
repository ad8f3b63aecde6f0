package org.xuncha.audit;

import java.util.Optional;

import org.xuncha.common.BodyId;
import org.xuncha.common.UserId;

/**
 * Extension point: which inspection body an audit record belongs to, and which records the signed-in auditor
 * reads. Implemented by identity, which knows accounts and (through organization) the body tree; the audit
 * module depends on neither. Without an implementation records carry no body and auditors read nothing.
 */
public interface AuditBodies {

    /** The body of the account, if it has one: its records belong to that body. */
    Optional<BodyId> bodyOf(UserId account);

    /** What the signed-in auditor reads of the trail. */
    AuditReach reachOfCurrentAuditor();

    /** The display names of the accounts with these usernames, for the auditor's page (absent ones left out). */
    default java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        return java.util.Map.of();
    }
}
