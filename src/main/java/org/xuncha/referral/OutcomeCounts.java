package org.xuncha.referral;

import java.util.Map;

/**
 * What the receivers' outcomes add up to over a set of transferred items (referral.ReferralFigures), counted over
 * current events only (a corrected event no longer counts, a retraction counts as nothing):
 * <ul>
 * <li>{@code casesFiled} 立案件 / {@code casesClosed} 结案件: items with a 立案 / a 结案 (by 件);
 * {@code personsFiled}: distinct persons with a 立案 naming them (by 人);</li>
 * <li>{@code personsSanctioned}: distinct persons with a 党纪处分 or 政务处分; the maps count distinct persons per
 * sanction or measure (a person with two kinds is in both);</li>
 * <li>{@code byForm}: distinct persons in the heaviest of their 四种形态 ({@link Form}: each person once);</li>
 * <li>{@code judicialReferrals} 移送司法 and {@code detentions} 留置: distinct persons;</li>
 * <li>{@code surrenders} 投案自首: records of the discipline body (by inspection: those an inspection prompted; by
 * body and period: all the body recorded, with or without a lead);</li>
 * <li>money in fen: recovered (追缴) and losses retrieved (挽回).</li>
 * </ul>
 */
public record OutcomeCounts(long casesFiled, long casesClosed, long personsFiled, long personsSanctioned,
                            Map<PartySanction, Long> byPartySanction,
                            Map<GovernmentSanction, Long> byGovernmentSanction,
                            Map<OrganizationalHandling, Long> byOrganizationalHandling,
                            Map<FirstFormMeasure, Long> byFirstFormMeasure, Map<Form, Long> byForm,
                            long judicialReferrals, long detentions, long surrenders, long recoveredFen,
                            long lossRetrievedFen) {

    public long form(Form form) {
        return byForm.getOrDefault(form, 0L);
    }

    public long party(PartySanction s) {
        return byPartySanction.getOrDefault(s, 0L);
    }

    public long government(GovernmentSanction s) {
        return byGovernmentSanction.getOrDefault(s, 0L);
    }

    public long organizational(OrganizationalHandling h) {
        return byOrganizationalHandling.getOrDefault(h, 0L);
    }

    public long firstForm(FirstFormMeasure m) {
        return byFirstFormMeasure.getOrDefault(m, 0L);
    }
}
