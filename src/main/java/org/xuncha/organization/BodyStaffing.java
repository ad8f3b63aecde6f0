package org.xuncha.organization;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/** An office revises its own body's 领导小组, 巡察办, teams and 编制 figures; audited with the fields changed. */
@Service
class BodyStaffing {

    static final String STALE = "该巡察机构信息已被他人修改，请刷新页面后重新操作";

    private final InspectionBodyRepository bodies;
    private final AuditTrail audit;

    BodyStaffing(InspectionBodyRepository bodies, AuditTrail audit) {
        this.bodies = bodies;
        this.audit = audit;
    }

    @Transactional
    public void revise(long id, BodyFiguresForm form, DataScope scope) {
        InspectionBody body = bodies.findWritable(id, scope).orElseThrow(() -> new NotFoundInScope("body " + id));
        if (body.version() != form.getVersion()) {
            throw new UserInputException(STALE);
        }
        List<FieldChange> changes = body.revise(form.figures());
        if (changes.isEmpty()) {
            return;
        }
        if (!bodies.update(body, form.getVersion())) {
            throw new UserInputException(STALE);
        }
        audit.success("BODY_REVISED", "InspectionBody", id, "fields=" + FieldChange.fieldNames(changes));
    }
}
