package org.xuncha.findings.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.comparison.ComparisonSummary;
import org.xuncha.findings.comparison.Comparisons;
import org.xuncha.findings.worklog.TeamWorkLogs;
import org.xuncha.findings.worklog.WorkLogKind;
import org.xuncha.findings.worklog.WorkLogView;
import org.xuncha.intake.PetitionReference;
import org.xuncha.intake.PetitionReferences;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The record a working paper's 问题来源 links to ({@code source_record_id}, interpreted by {@link ProblemSource}):
 * 个别谈话 / 走访 / 调阅资料 → a work log of that kind of the same inspection (read through {@link TeamWorkLogs},
 * i.e. {@code FindingsScope}); 数据比对 → one of the inspection's comparisons (the team's, {@link Comparisons});
 * 信访举报 → a petition of the inspection the caller may read (intake's {@link PetitionReferences}, intake's scope
 * rules). 巡前通报 and 其他 keep free text only: inforequest offers no lookup of its requests to other modules.
 *
 * <p>Contract: a record that is absent, of another inspection, of another kind or not readable by the caller is
 * refused with one and the same Chinese message (a forged id learns nothing). Labels never carry a talk's sealed
 * interviewee or notes, nor a petition's reporter or content.
 */
@Service
class SourceRecords {

    private final TeamWorkLogs logs;
    private final Comparisons comparisons;
    private final PetitionReferences petitions;

    SourceRecords(TeamWorkLogs logs, Comparisons comparisons, PetitionReferences petitions) {
        this.logs = logs;
        this.comparisons = comparisons;
        this.petitions = petitions;
    }

    /** The work log kind a source links to, or null when it links no work log. */
    static WorkLogKind logKind(ProblemSource source) {
        return switch (source) {
            case TALK -> WorkLogKind.TALK;
            case VISIT -> WorkLogKind.VISIT;
            case RECORDS -> WorkLogKind.RECORDS;
            default -> null;
        };
    }

    /** Whether a paper of this source names its record (the others keep the free text only). */
    static boolean links(ProblemSource source) {
        return logKind(source) != null || source == ProblemSource.DATA_COMPARISON
                || source == ProblemSource.PETITION;
    }

    /** One record offered in the form: {@code value} is {@code SOURCE:id}, so a choice names its kind. */
    record Choice(String value, String label) {
    }

    /** The records of one source kind the form offers. */
    record Group(ProblemSource source, List<Choice> choices) {
    }

    /** What the paper page shows: the label, and the record's page when the caller may open it (else null). */
    record Link(String label, String href) {
    }

    /** The inspection's records per linked kind, as the caller (the team writing the paper) reads them. */
    List<Group> choices(DataScope scope, long inspectionId) {
        List<Group> groups = new ArrayList<>();
        for (ProblemSource s : ProblemSource.values()) {
            if (!links(s)) {
                continue;
            }
            List<Choice> choices = new ArrayList<>();
            if (logKind(s) != null) {
                for (WorkLogView log : logs.list(scope, inspectionId, logKind(s))) {
                    choices.add(new Choice(s.name() + ":" + log.id(), label(log)));
                }
            } else if (s == ProblemSource.DATA_COMPARISON) {
                for (ComparisonSummary c : comparisons.list(scope, inspectionId)) {
                    choices.add(new Choice(s.name() + ":" + c.id(), label(c)));
                }
            } else {
                for (PetitionReference p : petitions.of(scope, InspectionId.of(inspectionId))) {
                    choices.add(new Choice(s.name() + ":" + p.id(), p.label()));
                }
            }
            groups.add(new Group(s, choices));
        }
        return groups;
    }

    /**
     * The label of the linked record, checked: it exists, is of the source's kind, belongs to the inspection and
     * the caller reads it; else {@link UserInputException} (one message for all of these).
     */
    String label(DataScope scope, long inspectionId, ProblemSource source, long id) {
        if (!links(source)) {
            throw new UserInputException("问题来源为“" + source.label() + "”时不关联记录，请在来源说明中填写");
        }
        return find(scope, inspectionId, source, id)
                .orElseThrow(() -> new UserInputException("所选的来源记录不存在，或不是本次巡察的“" + source.label()
                        + "”记录，请重新选择"));
    }

    /** The link as the paper page shows it to this caller. */
    Link link(DataScope scope, WorkingPaperView p) {
        if (p.sourceRecordId() == null) {
            return null;
        }
        boolean opens = find(scope, p.inspectionId(), p.source(), p.sourceRecordId()).isPresent();
        long id = p.sourceRecordId();
        String href = !opens ? null : logKind(p.source()) != null ? "/work-logs/" + id
                : p.source() == ProblemSource.DATA_COMPARISON ? "/findings/comparisons/" + id : "/petitions/" + id;
        return new Link(p.sourceRecordLabel(), href);
    }

    private Optional<String> find(DataScope scope, long inspectionId, ProblemSource source, long id) {
        WorkLogKind kind = logKind(source);
        try {
            if (kind != null) {
                WorkLogView log = logs.view(scope, id);
                return log.inspectionId() == inspectionId && log.kind() == kind ? Optional.of(label(log))
                        : Optional.empty();
            }
            if (source == ProblemSource.DATA_COMPARISON) {
                ComparisonSummary c = comparisons.teamSummary(scope, id);
                return c.inspectionId() == inspectionId ? Optional.of(label(c)) : Optional.empty();
            }
            if (source == ProblemSource.PETITION) {
                return petitions.find(scope, InspectionId.of(inspectionId), id).map(PetitionReference::label);
            }
            return Optional.empty();
        } catch (NotFoundInScope absent) {
            return Optional.empty();
        }
    }

    /** A talk by its date and interviewee category only; a visit or records read by date and what. */
    static String label(WorkLogView log) {
        StringBuilder b = new StringBuilder(log.kind().label()).append(' ').append(log.heldOn());
        if (log.kind() == WorkLogKind.TALK) {
            if (log.talkCategory() != null) {
                b.append(" · ").append(log.talkCategory().label());
            }
        } else {
            String what = log.subject() != null && !log.subject().isBlank() ? log.subject() : log.place();
            if (what != null && !what.isBlank()) {
                b.append(" · ").append(what.strip());
            }
        }
        if (log.withdrawn()) {
            b.append("（已撤回）");
        }
        return cut(b.toString());
    }

    static String label(ComparisonSummary c) {
        return cut("数据比对：" + c.title() + "（" + c.leftName() + " × " + c.rightName() + "，匹配 " + c.matched()
                + " 条）");
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }
}
