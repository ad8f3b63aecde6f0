package org.xuncha.rectification.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.platform.web.UserInputException;

/**
 * The .docx of a plan (整改方案 with its three lists) and of the joint review's written reply (审核意见, of the latest
 * decision), filled through the documents capability with the body's template of each kind (the built-in one when
 * the office uploaded none). Whoever reads the plan may download both; nothing changes.
 */
@Service
public class PlanDocuments {

    /** A document as downloaded: its file name and the .docx. */
    public record Download(String fileName, byte[] content) {
    }

    private final Plans plans;
    private final DocumentTemplates templates;

    PlanDocuments(Plans plans, DocumentTemplates templates) {
        this.plans = plans;
        this.templates = templates;
    }

    @Transactional(readOnly = true)
    public Download plan(DataScope scope, long id) {
        PlanView v = plans.view(scope, id);
        Plan p = v.plan();
        Map<String, String> t = new LinkedHashMap<>();
        String unit = p.organizationName() == null ? "" : p.organizationName();
        String team = p.teamName() == null ? "" : p.teamName();
        t.put("标题", unit + "关于落实" + team + "反馈意见的整改方案");
        t.put("单位", unit);
        t.put("巡察组", team);
        t.put("反馈日期", date(p.deliveredOn()));
        t.put("报送期限", date(p.dueOn()));
        List<Map<String, String>> problems = new ArrayList<>();
        List<Map<String, String>> tasks = new ArrayList<>();
        List<Map<String, String>> duties = new ArrayList<>();
        for (PlanView.Problem problem : v.problems()) {
            problems.add(Map.of("序号", String.valueOf(problem.position()), "类别", problem.headingLabel(),
                    "内容", problem.wording()));
            for (PlanView.Item i : problem.items()) {
                Map<String, String> task = new LinkedHashMap<>();
                task.put("序号", String.valueOf(i.position()));
                task.put("问题序号", String.valueOf(problem.position()));
                task.put("整改目标", i.goal());
                task.put("整改措施", i.measures());
                task.put("完成时限", cellDate(i.dueOn()));
                task.put("长效机制", i.mechanism() == null ? "" : i.mechanism());
                tasks.add(task);
                Map<String, String> duty = new LinkedHashMap<>();
                duty.put("序号", String.valueOf(i.position()));
                duty.put("问题序号", String.valueOf(problem.position()));
                duty.put("责任领导", i.leaderName());
                duty.put("责任部门", i.department());
                duty.put("具体经办人", i.handlerName());
                duty.put("完成时限", cellDate(i.dueOn()));
                duties.add(duty);
            }
        }
        t.put("问题数", String.valueOf(problems.size()));
        t.put("事项数", String.valueOf(tasks.size()));
        t.put("签字人", p.signed() ? p.signedByName() : "（未签字）");
        t.put("签字人职务", p.signed() ? p.signedPost() : "");
        t.put("签字日期", p.signed() ? date(plans.businessDate(p.signedAt())) : "");
        byte[] docx = templates.fill(BodyId.of(p.bodyId()), PlanDocumentKinds.PLAN,
                new DocumentContent(t, Map.of(), Map.of("问题", problems, "任务", tasks, "责任", duties))).content();
        return new Download("整改方案（" + unit + "）.docx", docx);
    }

    @Transactional(readOnly = true)
    public Download review(DataScope scope, long id) {
        PlanView v = plans.view(scope, id);
        Plan p = v.plan();
        if (v.decisions().isEmpty()) {
            throw new UserInputException("整改方案尚未作出审核决定，还没有审核意见");
        }
        PlanView.Decision d = v.decisions().get(0);
        String unit = p.organizationName() == null ? "" : p.organizationName();
        Map<String, String> t = new LinkedHashMap<>();
        t.put("发文机关", p.officeName() != null ? p.officeName() : p.bodyName() == null ? "" : p.bodyName());
        t.put("单位", unit);
        t.put("标题", "关于" + unit + "整改方案的审核意见");
        t.put("报送日期", p.submittedAt() == null ? ""
                : date(plans.businessDate(p.submittedAt())));
        t.put("审核轮次", String.valueOf(d.round()));
        t.put("审核结论", d.decision().label());
        t.put("结论说明", d.decision() == ReviewDecision.APPROVE
                ? "经联合审核，你单位整改方案反馈问题一一回应、整改措施具有针对性、整改责任明确、整改时限合理，同意按此方案组织实施。"
                : "经联合审核，你单位整改方案退回修改。理由：" + d.reason().replaceAll("[。；;，,.\\s]+$", "")
                + "。请修改后经主要负责人签字重新报送。");
        t.put("落款日期", date(d.decidedOn()));
        List<Map<String, String>> rows = new ArrayList<>();
        // the latest opinion of each participant on the submission decided (opinions come newest first)
        java.util.Set<ReviewParticipant> seen = java.util.EnumSet.noneOf(ReviewParticipant.class);
        List<PlanView.Opinion> latest = new ArrayList<>();
        for (PlanView.Opinion o : v.opinions()) {
            if (o.round() == d.round() && seen.add(o.participant())) {
                latest.add(o);
            }
        }
        latest.sort(java.util.Comparator.comparing(PlanView.Opinion::participant));
        for (PlanView.Opinion o : latest) {
            o.answers().forEach((q, a) -> rows.add(Map.of("联审单位", o.participant().label(), "审核事项", q.label(),
                    "结论", a.ok() ? "是" : "否", "说明", a.note())));
            if (o.opinion() != null) {
                rows.add(Map.of("联审单位", o.participant().label(), "审核事项", "其他意见", "结论", "",
                        "说明", o.opinion()));
            }
        }
        byte[] docx = templates.fill(BodyId.of(p.bodyId()), PlanDocumentKinds.REVIEW,
                new DocumentContent(t, Map.of(), Map.of("意见", rows))).content();
        return new Download("整改方案审核意见（" + unit + "）.docx", docx);
    }

    /** A date in a table cell, short enough for one line of the column (2027.2.1). */
    private static String cellDate(LocalDate d) {
        return d == null ? "" : d.getYear() + "." + d.getMonthValue() + "." + d.getDayOfMonth();
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.format(Plans.DATE);
    }
}
