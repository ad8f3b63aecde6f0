package org.xuncha.audit.internal;

import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.platform.security.SecurityEvents;

@Component
class AuditedSecurityEvents implements SecurityEvents {

    private final AuditTrail audit;

    AuditedSecurityEvents(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void denied(String what) {
        audit.recordAlone(new org.xuncha.audit.AuditEntry(currentActor(), null, "ACCESS_DENIED", "Endpoint",
                what.length() > 64 ? what.substring(0, 64) : what, AuditOutcome.DENIED, null));
    }

    private static String currentActor() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }
}
