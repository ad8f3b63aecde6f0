package org.xuncha.inspection;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.format.annotation.DateTimeFormat;

/** What the office fills in for the entry announcement (进驻公告); {@code version} is checked when it exists. */
public record EntryAnnouncementDraft(String phone, String mailbox, String accepts,
                                     @DateTimeFormat(iso = ISO.DATE) LocalDate periodFrom,
                                     @DateTimeFormat(iso = ISO.DATE) LocalDate periodTo,
                                     @DateTimeFormat(iso = ISO.DATE) LocalDate cutOffOn,
                                     Integer version) {

    /** The default of what the team accepts, with what belongs elsewhere. */
    public static final String DEFAULT_ACCEPTS = "巡察组主要受理反映被巡察党组织领导班子及其成员、下一级党组织主要负责人和重要岗位领导干部"
            + "问题的来信来电来访，重点是违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律等方面的举报和反映。"
            + "根据有关规定，巡察组不受理涉法涉诉问题（请向政法机关反映），不处理一般业务性问题和个人诉求；"
            + "对党员、干部违纪违法问题的检举控告请向纪检监察机关反映；信访事项请向信访部门反映。";

    static EntryAnnouncementDraft of(EntryAnnouncementView a) {
        return new EntryAnnouncementDraft(a.phone(), a.mailbox(), a.accepts(), a.periodFrom(), a.periodTo(),
                a.cutOffOn(), a.version());
    }
}
