package org.xuncha.referral.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.FigureQuery;
import org.xuncha.referral.Form;
import org.xuncha.referral.GovernmentSanction;
import org.xuncha.referral.OutcomeCounts;
import org.xuncha.referral.PartySanction;
import org.xuncha.referral.ReferralFigures;
import org.xuncha.referral.TransferCounts;

/**
 * The §5 figures as the page and the API show them: one row per figure with its 件 and 人 (or its rate) and the
 * definition beside it. The definitions here are the ones TransferCounts documents; keep both in step.
 */
@Component
class FigureTable {

    record Row(String figure, String items, String persons, String definition) {
    }

    record Table(TransferCounts counts, List<Row> rows) {
    }

    private final ReferralFigures figures;

    FigureTable(ReferralFigures figures) {
        this.figures = figures;
    }

    Table of(DataScope scope, Long body, boolean withBelow, Long round, Long inspection, LocalDate from,
             LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new UserInputException("统计期间的开始日期不能晚于结束日期");
        }
        TransferCounts c = figures.transferCounts(scope, new FigureQuery(body == null ? null : BodyId.of(body),
                withBelow, round == null ? null : RoundId.of(round),
                inspection == null ? null : InspectionId.of(inspection), from, to));
        OutcomeCounts o = c.outcomes();
        List<Row> rows = new ArrayList<>();
        rows.add(count("移交", c.transferred(), "统计期间内移交的问题线索和信访件（按当前接收单位，每件一次）；人数为件上所列人员之和"));
        rows.add(count("签收", c.signed(), "上述移交件中，截至统计截止日已由接收单位签收的"));
        rows.add(count("办理（办理中及以后）", c.handled(), "上述移交件中，截至统计截止日已录入至少一项有效办理结果的"));
        rows.add(count("办结", c.closed(), "上述移交件中，截至统计截止日已办结的"));
        rows.add(rate("办结率", TransferCounts.shown(c.closureRate()), "办结件 ÷ 移交件；移交件为 0 时显示“—”"));
        rows.add(rate("线索成案率", TransferCounts.shown(c.leadCaseRate()),
                "有有效立案记录（对所列人员或对该件立案）的问题线索件 ÷ 移交的问题线索件（不含信访件）；本平台自定口径，无官方定义"));
        rows.add(rate("按期回复率", TransferCounts.shown(c.onTimeReplyRate()),
                "首次回复（首项有效办理结果或办结，取早者）不晚于到期日的件 ÷ 有到期日且已回复或已过到期日的件；"
                        + "未到期且未回复的不计入；本平台自定口径，无官方定义"));
        rows.add(new Row("立案", o.casesFiled() + "", o.personsFiled() + "", "有立案记录的件；立案涉及的不同人员"));
        rows.add(new Row("结案", o.casesClosed() + "", "", "有结案记录的件"));
        rows.add(new Row("处分", "", o.personsSanctioned() + "", "受党纪处分或政务处分的不同人员"));
        for (PartySanction s : PartySanction.values()) {
            rows.add(new Row("党纪处分：" + s.label(), "", o.party(s) + "", "受此处分的不同人员"));
        }
        for (GovernmentSanction s : GovernmentSanction.values()) {
            rows.add(new Row("政务处分：" + s.label(), "", o.government(s) + "", "受此处分的不同人员"));
        }
        for (Form f : Form.values()) {
            rows.add(new Row("四种形态：" + f.label(), "", o.form(f) + "", "按其最重的一种形态，每人计一次"));
        }
        rows.add(new Row("移送司法", "", o.judicialReferrals() + "", "移送司法机关的不同人员"));
        rows.add(new Row("留置", "", o.detentions() + "", "被留置的不同人员"));
        rows.add(new Row("投案自首", "", o.surrenders() + "", "纪委监委登记的投案自首人员（统计期间内，含无线索的）"));
        rows.add(new Row("追缴金额（万元）", TransferCounts.tenThousandYuan(o.recoveredFen()), "", "按分记录，显示为万元"));
        rows.add(new Row("挽回损失（万元）", TransferCounts.tenThousandYuan(o.lossRetrievedFen()), "", "按分记录，显示为万元"));
        return new Table(c, rows);
    }

    private static Row count(String figure, TransferCounts.Count c, String definition) {
        return new Row(figure, c.items() + "", c.persons() + "", definition);
    }

    private static Row rate(String figure, String rate, String definition) {
        return new Row(figure, rate, "", definition);
    }
}
