package org.xuncha.organization;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * Changes to party organizations: register, edit, deactivate, reactivate. Each change is checked against the
 * caller's writable bodies, applied by the entity, written with optimistic locking, and leaves one history
 * row and one audit record in the same transaction.
 */
@Service
class OrganizationRegister {

    static final String STALE = "该组织已被他人修改，请刷新页面后重新操作";
    static final String CODE_TAKEN = "组织编码已被使用";
    static final String NO_PARENT = "上级组织编码不存在或不属于本巡察机构";

    private final PartyOrganizationRepository organizations;
    private final RegionDirectory regions;
    private final InspectionBodies bodies;
    private final AuditTrail audit;
    private final Clock clock;

    OrganizationRegister(PartyOrganizationRepository organizations, RegionDirectory regions, InspectionBodies bodies,
                         AuditTrail audit, Clock clock) {
        this.organizations = organizations;
        this.regions = regions;
        this.bodies = bodies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long register(OrganizationForm form, DataScope scope) {
        BodyId body = scope.body();
        if (body == null || !scope.canWrite(body)) {
            throw new NotFoundInScope("body");
        }
        PartyOrganization.Details details = details(form, body.value());
        PartyOrganization created = PartyOrganization.register(form.getCode(), body.value(), details);
        if (!organizations.existingCodes(List.of(created.code())).isEmpty()) {
            throw new UserInputException(CODE_TAKEN);
        }
        OffsetDateTime now = now(clock);
        long id;
        try {
            id = organizations.insert(created, now);
        } catch (DuplicateKeyException e) {
            throw new UserInputException(CODE_TAKEN);
        }
        organizations.appendHistory(id, now, actor(), actorId(scope), ChangeKind.REGISTERED, List.of(), null);
        audit.success("ORGANIZATION_REGISTERED", "PartyOrganization", id, "body=" + body.value());
        return id;
    }

    @Transactional
    public void edit(long id, OrganizationForm form, DataScope scope) {
        PartyOrganization org = writable(id, scope, form.getVersion());
        PartyOrganization.Details details = details(form, org.bodyId());
        List<Long> ancestors = details.parent() == null ? List.of() : organizations.selfAndAncestors(details.parent().id());
        List<FieldChange> changes = org.edit(details, ancestors);
        if (changes.isEmpty()) {
            return;
        }
        save(org, form.getVersion(), ChangeKind.EDITED, changes, null, scope);
        audit.success("ORGANIZATION_EDITED", "PartyOrganization", id, "fields=" + FieldChange.fieldNames(changes));
    }

    @Transactional
    public void deactivate(long id, int version, String reason, DataScope scope) {
        PartyOrganization org = writable(id, scope, version);
        List<FieldChange> changes = org.deactivate(reason, organizations.activeChildren(id));
        save(org, version, ChangeKind.DEACTIVATED, changes, org.statusReason(), scope);
        audit.success("ORGANIZATION_DEACTIVATED", "PartyOrganization", id, null);
    }

    @Transactional
    public void reactivate(long id, int version, String reason, DataScope scope) {
        PartyOrganization org = writable(id, scope, version);
        boolean parentActive = org.parent() == null || organizations.isActive(org.parent().id());
        List<FieldChange> changes = org.reactivate(reason, parentActive);
        save(org, version, ChangeKind.REACTIVATED, changes, org.statusReason(), scope);
        audit.success("ORGANIZATION_REACTIVATED", "PartyOrganization", id, null);
    }

    private PartyOrganization writable(long id, DataScope scope, int version) {
        PartyOrganization org = organizations.findWritable(id, scope)
                .orElseThrow(() -> new NotFoundInScope("organization " + id));
        if (org.version() != version) {
            throw new UserInputException(STALE);
        }
        return org;
    }

    private void save(PartyOrganization org, int version, ChangeKind kind, List<FieldChange> changes, String reason,
                      DataScope scope) {
        OffsetDateTime now = now(clock);
        if (!organizations.update(org, version, now)) {
            throw new UserInputException(STALE);
        }
        organizations.appendHistory(org.id(), now, actor(), actorId(scope), kind, changes, reason);
    }

    private PartyOrganization.Details details(OrganizationForm form, long body) {
        String region = form.getRegionCode();
        if (region != null && !regions.exists(region)) {
            throw new UserInputException("行政区划代码不存在：" + region);
        }
        String bodyRegion = bodies.find(BodyId.of(body)).map(InspectionBodies.BodySummary::regionCode).orElse(null);
        if (region != null && bodyRegion != null && !RegionDirectory.within(region, bodyRegion)) {
            throw new UserInputException("行政区划不在本巡察机构的管辖范围内");
        }
        PartyOrganization.Parent parent = null;
        if (form.getParentCode() != null) {
            parent = organizations.parentByCode(form.getParentCode(), body)
                    .orElseThrow(() -> new UserInputException(NO_PARENT));
        }
        return new PartyOrganization.Details(form.getName(), form.getKind(), form.getSector(), region, parent,
                form.getLeadingCadre());
    }

    /** The clock's instant as stored: UTC, to the microsecond both databases keep. */
    static OffsetDateTime now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    static Long actorId(DataScope scope) {
        return scope.user() == null ? null : scope.user().value();
    }
}
