package org.xuncha.rectification.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.InspectionPersonNames;
import org.xuncha.findings.PersonNameSet;
import org.xuncha.intake.ReporterNameSet;
import org.xuncha.intake.ReporterNames;

/**
 * 三查看's identification check: the feedback's text (title, opening, each item, closing) against the sealed names of
 * the inspection's real-name reporters (intake), interviewees (findings work logs) and involved persons (findings
 * lead persons). The refusal names the paragraph or item and the kind of person, never the name; the names stay in
 * their sets (which print no name) and are not logged.
 */
@Component
class NameCheck {

    private final ReporterNames reporters;
    private final InspectionPersonNames persons;

    NameCheck(ReporterNames reporters, InspectionPersonNames persons) {
        this.reporters = reporters;
        this.persons = persons;
    }

    /** The refusal message while a name appears in the text; empty when none does. */
    Optional<String> problem(DataScope scope, FeedbackView f) {
        InspectionId inspection = InspectionId.of(f.inspectionId());
        ReporterNameSet reporterNames = reporters.of(scope, inspection);
        PersonNameSet interviewees = persons.interviewees(scope, inspection);
        PersonNameSet involved = persons.involved(scope, inspection);
        List<Kind> kinds = List.of(new Kind("信访举报人", reporterNames::appearsIn),
                new Kind("谈话对象", interviewees::appearsIn), new Kind("涉及人员", involved::appearsIn));
        for (Part p : parts(f)) {
            for (Kind k : kinds) {
                if (k.appears().test(p.text())) {
                    return Optional.of("反馈意见的" + p.where() + "中出现了" + k.label()
                            + "的姓名，可能暴露其身份，请修改后再提交（平台不显示该姓名）");
                }
            }
        }
        return Optional.empty();
    }

    private record Kind(String label, Predicate<String> appears) {
    }

    private record Part(String where, String text) {
    }

    private static List<Part> parts(FeedbackView f) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("标题", f.title()));
        parts.add(new Part("开头部分", f.opening()));
        for (FeedbackView.Item i : f.items()) {
            parts.add(new Part("第" + i.position() + "项问题", i.wording()));
        }
        parts.add(new Part("结尾部分", f.closing()));
        return parts;
    }
}
