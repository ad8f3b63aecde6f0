package org.xuncha.supervision.closure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.inspection.ClosureGuard;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.ClosureCondition;
import org.xuncha.supervision.ClosureConditionKind;

/**
 * 报结's conditions (issue 15 §6): each office chooses which of {@link ClosureConditionKind} its body's inspections
 * must meet (defaults: ledger and reports; the evaluation only once a condition of that kind is registered), and
 * inspection's stage machine asks this guard before it moves an inspection to CLOSED — so no page, API or command
 * closes an inspection with an open item. Only the OFFICE of its own body changes the settings (row version, audited
 * with the switches only).
 */
@Service
class ClosureConditions implements ClosureGuard {

    /** What the closure page shows of one inspection. */
    record Standing(long inspectionId, String teamName, String bodyName, boolean closed, List<String> unmet) {
    }

    record Settings(long bodyId, String bodyName, ClosureRepository.Setting setting, boolean evaluationAvailable) {
    }

    private final ClosureRepository repository;
    private final ObjectProvider<ClosureCondition> conditions;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    ClosureConditions(ClosureRepository repository, ObjectProvider<ClosureCondition> conditions,
                      AccountDirectory accounts, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.conditions = conditions;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> unmetConditions(InspectionId inspection) {
        return repository.inspection(inspection.value()).map(i -> unmet(i.id(), i.bodyId())).orElse(List.of());
    }

    private List<String> unmet(long inspection, long body) {
        ClosureRepository.Setting s = repository.setting(body);
        Map<ClosureConditionKind, Boolean> required = new EnumMap<>(ClosureConditionKind.class);
        required.put(ClosureConditionKind.LEDGER, s.ledger());
        required.put(ClosureConditionKind.REPORTS, s.reports());
        required.put(ClosureConditionKind.EVALUATION, s.evaluation());
        List<String> unmet = new ArrayList<>();
        for (ClosureConditionKind kind : ClosureConditionKind.values()) {
            if (!required.get(kind)) {
                continue;
            }
            List<ClosureCondition> of = conditions.orderedStream().filter(c -> c.kind() == kind).toList();
            if (of.isEmpty()) {
                // required but nothing can check it: refuse rather than let the inspection close unchecked
                unmet.add(kind.label() + "（该条件尚未接入，无法核对）");
            }
            of.forEach(c -> unmet.addAll(c.unmet(InspectionId.of(inspection))));
        }
        return unmet;
    }

    /** The inspections in 整改 that meet every condition their office requires (for the weekly to-do). */
    @Transactional(readOnly = true)
    List<ClosureRepository.InspectionRow> closable() {
        return repository.rectifying().stream().filter(i -> unmet(i.id(), i.bodyId()).isEmpty()).toList();
    }

    /** The caller's inspections in 整改 or 报结 with what still stands in the way of closing each. */
    @Transactional(readOnly = true)
    List<Standing> standings(DataScope scope) {
        return repository.closable(scope).stream().map(i -> new Standing(i.id(), i.teamName(),
                repository.bodyName(i.bodyId()), i.closed(),
                i.closed() ? List.of() : unmet(i.id(), i.bodyId()))).toList();
    }

    /** One inspection's unmet conditions, if the caller reads it. */
    @Transactional(readOnly = true)
    Standing standing(DataScope scope, InspectionId id) {
        ClosureRepository.InspectionRow i = repository.inspection(id.value())
                .filter(r -> scope.canRead(BodyId.of(r.bodyId())))
                .orElseThrow(() -> new NotFoundInScope("inspection " + id.value()));
        boolean closed = i.closed();
        return new Standing(i.id(), i.teamName(), repository.bodyName(i.bodyId()), closed,
                closed ? List.of() : unmet(i.id(), i.bodyId()));
    }

    @Transactional(readOnly = true)
    Settings settings(DataScope scope) {
        long body = ownBody(scope);
        return new Settings(body, repository.bodyName(body), repository.setting(body), evaluationAvailable());
    }

    /** Sets the body's conditions at the version read; refusals change nothing. */
    @Transactional
    Settings change(DataScope scope, int version, boolean ledger, boolean reports, boolean evaluation) {
        long body = ownBody(scope);
        if (evaluation && !evaluationAvailable()) {
            throw new UserInputException("整改质效评估尚未接入本平台，暂不能作为报结条件");
        }
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(), "");
        name = name.length() > 64 ? name.substring(0, 64) : name;
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        ClosureRepository.Setting was = repository.setting(body);
        if (was.version() == 0 && version == 0) {
            try {
                repository.insert(body, ledger, reports, evaluation, scope.user().value(), name, now);
            } catch (DuplicateKeyException race) {
                throw stale();
            }
        } else if (was.version() == 0 || !repository.update(body, version, ledger, reports, evaluation,
                scope.user().value(), name, now)) {
            throw stale();
        }
        audit.success("CLOSURE_SETTING_CHANGED", "ClosureSetting", body, "ledger=" + ledger + "; reports="
                + reports + "; evaluation=" + evaluation + "; version=" + (version + 1));
        return settings(scope);
    }

    private boolean evaluationAvailable() {
        return conditions.orderedStream().anyMatch(c -> c.kind() == ClosureConditionKind.EVALUATION);
    }

    private static UserInputException stale() {
        return new UserInputException("报结条件已被他人修改，请刷新后重试");
    }

    private static long ownBody(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new UserInputException("只有巡察办可以设置本机构的报结条件");
        }
        return scope.body().value();
    }
}
