package org.xuncha.inforequest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.identity.CollaboratorDepartments;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * 巡前通报: the office sends requests about an inspection's targets to collaborating departments, a collaborator
 * answers once with text and attachments, and anyone allowed reads the dossier of a target. Every change is checked
 * here (scope, stage, department, dates, files) and written with one audit record per request in its transaction;
 * bad input changes nothing.
 */
@Service
class InfoRequestDesk {

    static final int MAX_QUESTION = 2000;
    static final int MAX_ANSWER = 8000;
    static final int MAX_DEPARTMENTS = 30;
    static final int MAX_TARGETS = 100;

    static final String NOT_OPEN = "只有处于准备或进驻阶段的巡察才能发送巡前通报";
    static final String NO_TARGET = "请至少选择一个巡察对象";
    static final String NOT_A_TARGET = "所选单位不是该巡察的巡察对象";
    static final String NO_DEPARTMENT = "请至少选择一个协作部门";
    static final String UNKNOWN_DEPARTMENT = "协作部门“%s”没有可用的协作账号，无法答复；请从列表中选择";
    static final String NO_QUESTION = "请填写通报事项";
    static final String QUESTION_TOO_LONG = "通报事项不能超过 " + MAX_QUESTION + " 字";
    static final String NO_DUE = "请填写答复期限";
    static final String DUE_IN_PAST = "答复期限不能早于今天";
    static final String NO_ANSWER = "请填写答复内容";
    static final String ANSWER_TOO_LONG = "答复内容不能超过 " + MAX_ANSWER + " 字";
    static final String ALREADY_ANSWERED = "该通报已经答复，答复不能修改或重复提交";

    private final InfoRequestRepository requests;
    private final CollaboratorDepartments collaborators;
    private final AuditTrail audit;
    private final Clock clock;

    InfoRequestDesk(InfoRequestRepository requests, CollaboratorDepartments collaborators, AuditTrail audit,
                    Clock clock) {
        this.requests = requests;
        this.collaborators = collaborators;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in the configured zone: due dates and "overdue" are business dates. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The departments an office may address: those of its body with at least one enabled collaborator. */
    List<String> departments(DataScope scope) {
        return scope.body() == null ? List.of() : collaborators.of(scope.body());
    }

    /** Sends one request per chosen department and target; returns their ids. */
    @Transactional
    List<Long> send(InfoRequestForm form, DataScope scope) {
        if (form.getInspectionId() == null) {
            throw new UserInputException("请选择巡察");
        }
        InfoRequestRepository.InspectionRef inspection = requests.writableInspection(form.getInspectionId(), scope)
                .orElseThrow(() -> new NotFoundInScope("inspection " + form.getInspectionId()));
        if (inspection.stage() != InspectionStage.PREPARING && inspection.stage() != InspectionStage.STATIONED) {
            throw new UserInputException(NOT_OPEN);
        }
        Set<Long> targets = new LinkedHashSet<>(form.getOrganizationIds().stream().filter(Objects::nonNull).toList());
        if (targets.isEmpty()) {
            throw new UserInputException(NO_TARGET);
        }
        if (targets.size() > MAX_TARGETS) {
            throw new UserInputException("一次最多选择 " + MAX_TARGETS + " 个巡察对象");
        }
        Set<Long> known = new LinkedHashSet<>(requests.targets(inspection.id()).stream()
                .map(InfoRequestRepository.TargetRef::organizationId).toList());
        if (!known.containsAll(targets)) {
            throw new UserInputException(NOT_A_TARGET);
        }
        Set<String> departments = new LinkedHashSet<>(form.getDepartments().stream().filter(Objects::nonNull)
                .map(String::strip).filter(d -> !d.isEmpty()).toList());
        if (departments.isEmpty()) {
            throw new UserInputException(NO_DEPARTMENT);
        }
        if (departments.size() > MAX_DEPARTMENTS) {
            throw new UserInputException("一次最多选择 " + MAX_DEPARTMENTS + " 个协作部门");
        }
        List<String> available = collaborators.of(BodyId.of(inspection.bodyId()));
        for (String department : departments) {
            if (!available.contains(department)) {
                throw new UserInputException(UNKNOWN_DEPARTMENT.formatted(department.length() > 64
                        ? department.substring(0, 64) : department));
            }
        }
        String question = form.getQuestion() == null ? "" : form.getQuestion().strip();
        if (question.isEmpty()) {
            throw new UserInputException(NO_QUESTION);
        }
        if (question.length() > MAX_QUESTION) {
            throw new UserInputException(QUESTION_TOO_LONG);
        }
        if (form.getDueOn() == null) {
            throw new UserInputException(NO_DUE);
        }
        if (form.getDueOn().isBefore(today())) {
            throw new UserInputException(DUE_IN_PAST);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String by = actorName();
        List<Long> ids = new ArrayList<>();
        for (long target : targets) {
            for (String department : departments) {
                long id = requests.insert(inspection.id(), target, department, question, form.getDueOn(), now, by);
                audit.success("INFO_REQUEST_SENT", "InfoRequest", id, "inspection=" + inspection.id()
                        + " organization=" + target + " due=" + form.getDueOn());
                ids.add(id);
            }
        }
        return ids;
    }

    /** A collaborator's answer: final once given (SENT → ANSWERED), with up to five checked attachments. */
    @Transactional
    void answer(long id, String text, List<InfoRequestFile> files, DataScope scope) {
        InfoRequestView request = requests.findAnswerable(id, scope, today())
                .orElseThrow(() -> new NotFoundInScope("info request " + id));
        if (!request.status().canMoveTo(InfoRequestStatus.ANSWERED)) {
            throw new UserInputException(ALREADY_ANSWERED);
        }
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty()) {
            throw new UserInputException(NO_ANSWER);
        }
        if (answer.length() > MAX_ANSWER) {
            throw new UserInputException(ANSWER_TOO_LONG);
        }
        if (files.size() > InfoRequestUploads.MAX_FILES) {
            throw new UserInputException(InfoRequestUploads.TOO_MANY);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!requests.markAnswered(id, answer, now, actorName())) {
            throw new UserInputException(ALREADY_ANSWERED);
        }
        for (InfoRequestFile file : files) {
            requests.insertAttachment(id, file, now);
        }
        audit.success("INFO_REQUEST_ANSWERED", "InfoRequest", id, "attachments=" + files.size());
    }

    /** The attachment's content, audited as an export; 404 outside the caller's scope. */
    @Transactional
    InfoRequestRepository.AttachmentContent download(long requestId, long attachmentId, DataScope scope) {
        InfoRequestRepository.AttachmentContent content = requests.attachmentContent(requestId, attachmentId, scope)
                .orElseThrow(() -> new NotFoundInScope("attachment " + attachmentId));
        audit.success("EXPORT", "InfoRequestAttachment", attachmentId, "request=" + requestId);
        return content;
    }

    /** 巡前通报汇总 of one target; 404 unless the caller is the office of the inspection or on its team. */
    Dossier dossier(long inspectionId, long organizationId, DataScope scope) {
        DossierTarget target = requests.dossierTarget(inspectionId, organizationId, scope)
                .orElseThrow(() -> new NotFoundInScope("dossier " + inspectionId + "/" + organizationId));
        return Dossier.of(target, requests.aboutTarget(inspectionId, organizationId, today()),
                requests.attachmentsAboutTarget(inspectionId, organizationId));
    }

    private static String actorName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String name = auth == null ? "system" : auth.getPrincipal() instanceof XunchaPrincipal p
                && p.displayName() != null ? p.displayName() : auth.getName();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
