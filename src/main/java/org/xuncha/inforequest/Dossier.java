package org.xuncha.inforequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 巡前通报汇总 of one target: the answers grouped by department (each with its attachments), and the requests
 * still outstanding, overdue ones flagged.
 */
record Dossier(DossierTarget target, List<DepartmentAnswers> departments, List<InfoRequestView> outstanding) {

    /** What one department answered about the target. */
    record DepartmentAnswers(String department, List<Answer> answers) {
    }

    /** Groups the requests about a target: answered ones by department (name order), the rest outstanding. */
    static Dossier of(DossierTarget target, List<InfoRequestView> requests, List<InfoRequestAttachmentView> attachments) {
        Map<Long, List<InfoRequestAttachmentView>> byRequest = new LinkedHashMap<>();
        attachments.forEach(a -> byRequest.computeIfAbsent(a.requestId(), k -> new ArrayList<>()).add(a));
        Map<String, List<Answer>> byDepartment = new java.util.TreeMap<>();
        List<InfoRequestView> outstanding = new ArrayList<>();
        int answered = 0;
        int overdue = 0;
        for (InfoRequestView r : requests) {
            if (r.status() == InfoRequestStatus.ANSWERED) {
                answered++;
                byDepartment.computeIfAbsent(r.department(), k -> new ArrayList<>())
                        .add(new Answer(r, byRequest.getOrDefault(r.id(), List.of())));
            } else {
                outstanding.add(r);
                if (r.overdue()) {
                    overdue++;
                }
            }
        }
        DossierTarget counted = new DossierTarget(target.inspectionId(), target.teamName(), target.inspectionStage(),
                target.organizationId(), target.organizationName(), answered, outstanding.size(), overdue);
        return new Dossier(counted, byDepartment.entrySet().stream()
                .map(e -> new DepartmentAnswers(e.getKey(), List.copyOf(e.getValue()))).toList(), List.copyOf(outstanding));
    }

    record Answer(InfoRequestView request, List<InfoRequestAttachmentView> attachments) {
    }
}
