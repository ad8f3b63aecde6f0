package org.xuncha.supervision.evaluation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The office's indicator models, kept in versions (issue 15 §4): a model starts as a DRAFT (blank or copied from a
 * {@link ModelTemplates} example), is edited while a draft, and is published once its weights sum to exactly 100 and
 * its bands cover 0–100. A published version never changes; revising it makes the next version as a new draft
 * (one draft per model at a time), so that an evaluation keeps the version it used. Only the office of the model's
 * body writes; each change is audited with ids and codes.
 */
@Service
class EvaluationModels {

    static final String OBJECT = "EvaluationModel";

    private final ModelRepository models;
    private final AuditTrail audit;
    private final Clock clock;

    EvaluationModels(ModelRepository models, AuditTrail audit, Clock clock) {
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    record ModelPage(ModelRepository.ModelRow model, ModelRepository.Content content,
                     List<ModelRepository.ModelRow> versions) {
    }

    @Transactional(readOnly = true)
    List<ModelRepository.ModelRow> list(DataScope scope) {
        return models.list(scope);
    }

    @Transactional(readOnly = true)
    ModelRepository.ModelRow model(DataScope scope, long id) {
        return models.find(id, scope).orElseThrow(() -> new NotFoundInScope("evaluation model " + id));
    }

    @Transactional(readOnly = true)
    ModelPage page(DataScope scope, long id) {
        ModelRepository.ModelRow m = model(scope, id);
        return new ModelPage(m, models.content(id), models.versions(m.lineageId(), scope));
    }

    /** A new model of the caller's body: blank, or a copy of the template {@code templateCode}. */
    @Transactional
    long create(DataScope scope, String name, String templateCode) {
        BodyId body = officeBody(scope);
        ModelDefinition d;
        ModelTemplates template = null;
        if (templateCode != null && !templateCode.isBlank()) {
            template = ModelTemplates.parse(templateCode.strip())
                    .orElseThrow(() -> new UserInputException("没有这个示例模板"));
            d = template.definition();
        } else {
            d = new ModelDefinition("", List.of(), List.of(), List.of());
        }
        String shown = name == null || name.isBlank() ? d.name() : name.strip();
        d = new ModelDefinition(shown, d.indicators(), d.vetoes(), d.bands());
        d.checkDraft();
        long id = models.insert(body.value(), null, 1, shown, template == null ? null : template.name(),
                scope.user().value(), now());
        models.writeContent(id, d);
        audit.success("EVALUATION_MODEL_CREATED", OBJECT, id, "body=" + body.value() + "; version=1"
                + (template == null ? "" : "; template=" + template.name()));
        return id;
    }

    /** Saves a draft's content at the row version read. */
    @Transactional
    void saveDraft(DataScope scope, long id, int rowVersion, ModelDefinition d) {
        ModelRepository.ModelRow m = writable(scope, id);
        if (!m.status().editable()) {
            throw new UserInputException("已发布的版本不能修改；请“修订”生成新版本");
        }
        d.checkDraft();
        if (!models.touchDraft(id, rowVersion, d.name())) {
            throw new UserInputException("该模型已被他人修改，请刷新后重试");
        }
        models.writeContent(id, d);
        audit.success("EVALUATION_MODEL_EDITED", OBJECT, id, "version=" + m.versionNo() + "; indicators="
                + d.indicators().size() + "; rowVersion=" + (rowVersion + 1));
    }

    @Transactional
    void publish(DataScope scope, long id, int rowVersion) {
        ModelRepository.ModelRow m = writable(scope, id);
        m.status().publish();
        models.content(id).definition().checkPublishable();
        if (!models.publish(id, rowVersion, now())) {
            throw new UserInputException("该模型已被他人修改，请刷新后重试");
        }
        audit.success("EVALUATION_MODEL_PUBLISHED", OBJECT, id, "version=" + m.versionNo() + "; from=DRAFT; to=PUBLISHED");
    }

    /** The next version of a published model as a draft copy of it (the existing draft when there is one). */
    @Transactional
    long revise(DataScope scope, long id) {
        ModelRepository.ModelRow m = writable(scope, id);
        var draft = models.draftOf(m.lineageId());
        if (draft.isPresent()) {
            return draft.get();
        }
        int next = models.lastVersion(m.lineageId()) + 1;
        long copy = models.insert(m.bodyId(), m.lineageId(), next, m.name(), m.templateCode(),
                scope.user().value(), now());
        models.writeContent(copy, models.content(id).definition());
        audit.success("EVALUATION_MODEL_REVISED", OBJECT, copy, "from=" + id + "; version=" + next);
        return copy;
    }

    private ModelRepository.ModelRow writable(DataScope scope, long id) {
        ModelRepository.ModelRow m = model(scope, id);
        if (!m.writable()) {
            throw new AccessDeniedException("指标模型由本级巡察办维护");
        }
        return m;
    }

    private static BodyId officeBody(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new AccessDeniedException("指标模型由本级巡察办维护");
        }
        return scope.body();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
