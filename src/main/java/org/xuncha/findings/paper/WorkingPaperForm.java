package org.xuncha.findings.paper;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.xuncha.platform.web.UserInputException;

/**
 * The working paper form as the page posts it (texts as typed; lists index-aligned: basis rows, evidence rows).
 * {@code sourceRecord} is the linked record as {@code SOURCE:id} (see {@link SourceRecords.Choice}).
 * Turned into a {@link WorkingPaperDraft} for the service, and built back from a paper for the edit page.
 */
record WorkingPaperForm(String title, String facts, List<String> regulationId, List<String> article, String basisText,
                        String source, String sourceRef, String sourceRecord, String subjectResp, String firstResp, String mainLeaderResp,
                        String supervisionResp, String illegalYuan, String lossYuan, String finder, String foundOn,
                        List<String> evidenceId, List<String> evidenceDescription, List<String> evidenceComparison) {

    static final int BASIS_ROWS = 3;
    static final int BLANK_EVIDENCE_ROWS = 3;

    WorkingPaperForm {
        regulationId = pad(regulationId, BASIS_ROWS);
        article = pad(article, BASIS_ROWS);
        evidenceId = evidenceId == null ? new ArrayList<>() : new ArrayList<>(evidenceId);
        evidenceDescription = evidenceDescription == null ? new ArrayList<>() : new ArrayList<>(evidenceDescription);
        evidenceComparison = evidenceComparison == null ? new ArrayList<>() : new ArrayList<>(evidenceComparison);
        int n = Math.max(evidenceId.size(), evidenceDescription.size());
        evidenceId = pad(evidenceId, n);
        evidenceDescription = pad(evidenceDescription, n);
        evidenceComparison = pad(evidenceComparison, n);
    }

    static WorkingPaperForm blank() {
        return new WorkingPaperForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, pad(null, BLANK_EVIDENCE_ROWS), pad(null, BLANK_EVIDENCE_ROWS), pad(null, BLANK_EVIDENCE_ROWS));
    }

    static WorkingPaperForm of(WorkingPaperView p) {
        List<String> regs = new ArrayList<>();
        List<String> arts = new ArrayList<>();
        p.bases().forEach(b -> {
            regs.add(Long.toString(b.regulationId()));
            arts.add(b.article());
        });
        List<String> ids = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        p.evidence().forEach(e -> {
            ids.add(Long.toString(e.id()));
            descriptions.add(e.description());
            cited.add(e.comparisonId() == null ? null : Long.toString(e.comparisonId()));
        });
        for (int i = 0; i < BLANK_EVIDENCE_ROWS; i++) {
            ids.add(null);
            descriptions.add(null);
            cited.add(null);
        }
        return new WorkingPaperForm(p.title(), p.facts(), regs, arts, p.basisText(), p.source().name(), p.sourceRef(),
                p.sourceRecordId() == null ? null : p.source().name() + ":" + p.sourceRecordId(),
                p.subjectResp(), p.firstResp(), p.mainLeaderResp(), p.supervisionResp(), p.illegalYuan(),
                p.lossYuan(), Long.toString(p.finderId()), p.foundOn().toString(), ids, descriptions, cited);
    }

    /** The draft, with the files sent for each evidence row ({@code files.get(i)} for row i). */
    WorkingPaperDraft draft(List<List<WorkingPaperDraft.Upload>> files) {
        List<WorkingPaperDraft.Basis> bases = new ArrayList<>();
        for (int i = 0; i < regulationId.size(); i++) {
            Long id = id(regulationId.get(i), "所选法规不存在或已停用，请重新选择");
            if (id != null) {
                bases.add(new WorkingPaperDraft.Basis(id, article.get(i)));
            }
        }
        List<WorkingPaperDraft.Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < evidenceDescription.size(); i++) {
            evidence.add(new WorkingPaperDraft.Evidence(id(evidenceId.get(i), "佐证材料不存在，请刷新后重试"),
                    evidenceDescription.get(i), i < files.size() ? files.get(i) : List.of(),
                    id(evidenceComparison.get(i), "所引用的数据比对不存在")));
        }
        ProblemSource chosen = source(source);
        return new WorkingPaperDraft(title, facts, bases, basisText, chosen, sourceRef, record(chosen), subjectResp,
                firstResp, mainLeaderResp, supervisionResp, illegalYuan, lossYuan,
                id(finder, "发现人须为本巡察组的成员"), date(foundOn), evidence);
    }

    /**
     * The record picked in the source select: its value is {@code SOURCE:id} (the select offers every linked kind's
     * records, grouped), so a record of another kind than the chosen source is refused here, not silently dropped.
     */
    private Long record(ProblemSource chosen) {
        if (sourceRecord == null || sourceRecord.isBlank()) {
            return null;
        }
        String raw = sourceRecord.strip();
        int colon = raw.indexOf(':');
        ProblemSource kind = colon < 0 ? null : source(raw.substring(0, colon));
        if (kind == null || chosen != kind) {
            String chosenLabel = chosen == null ? "未选择" : chosen.label();
            throw new UserInputException(kind == null ? "所选的来源记录不存在，请重新选择"
                    : "所选的来源记录是“" + kind.label() + "”记录，与问题来源“" + chosenLabel + "”不一致，请重新选择");
        }
        return id(raw.substring(colon + 1), "所选的来源记录不存在，请重新选择");
    }

    static ProblemSource source(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ProblemSource.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的问题来源");
        }
    }

    private static Long id(String raw, String message) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(message);
        }
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException("发现时间应为日期，例如 2026-03-10");
        }
    }

    private static List<String> pad(List<String> list, int size) {
        List<String> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
        while (out.size() < size) {
            out.add(null);
        }
        return out;
    }
}
