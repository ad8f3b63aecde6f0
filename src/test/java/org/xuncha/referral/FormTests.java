package org.xuncha.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 四种形态 rule case by case, as worked out by hand from Form's Javadoc (DOMAIN.md plus the platform's choices for
 * 政务处分 and 降职): each single event's form, then the heaviest of several.
 */
@Tag("pure")
class FormTests {

    static Optional<Form> of(OutcomeKind kind, OutcomeCode code) {
        return Form.of(kind, code);
    }

    @Test
    void firstFormMeasuresAndAdmonitionAreTheFirstForm() {
        for (FirstFormMeasure m : FirstFormMeasure.values()) {
            assertThat(of(OutcomeKind.FIRST_FORM_MEASURE, m)).as(m.label()).contains(Form.FIRST);
        }
        assertThat(of(OutcomeKind.ORGANIZATIONAL_HANDLING, OrganizationalHandling.ADMONITION)).contains(Form.FIRST);
    }

    @Test
    void lightSanctionsAndPostMeasuresAreTheSecondForm() {
        assertThat(of(OutcomeKind.PARTY_SANCTION, PartySanction.WARNING)).contains(Form.SECOND);
        assertThat(of(OutcomeKind.PARTY_SANCTION, PartySanction.SERIOUS_WARNING)).contains(Form.SECOND);
        assertThat(of(OutcomeKind.GOVERNMENT_SANCTION, GovernmentSanction.WARNING)).contains(Form.SECOND);
        assertThat(of(OutcomeKind.GOVERNMENT_SANCTION, GovernmentSanction.DEMERIT)).contains(Form.SECOND);
        assertThat(of(OutcomeKind.GOVERNMENT_SANCTION, GovernmentSanction.MAJOR_DEMERIT)).contains(Form.SECOND);
        assertThat(of(OutcomeKind.ORGANIZATIONAL_HANDLING, OrganizationalHandling.POST_ADJUSTMENT)).contains(Form.SECOND);
        assertThat(of(OutcomeKind.ORGANIZATIONAL_HANDLING, OrganizationalHandling.ORDERED_RESIGNATION))
                .contains(Form.SECOND);
        assertThat(of(OutcomeKind.ORGANIZATIONAL_HANDLING, OrganizationalHandling.REMOVAL)).contains(Form.SECOND);
        assertThat(of(OutcomeKind.ORGANIZATIONAL_HANDLING, OrganizationalHandling.DEMOTION)).contains(Form.SECOND);
    }

    @Test
    void heavySanctionsAreTheThirdFormAndJudicialReferralTheFourth() {
        assertThat(of(OutcomeKind.PARTY_SANCTION, PartySanction.REMOVAL_FROM_POST)).contains(Form.THIRD);
        assertThat(of(OutcomeKind.PARTY_SANCTION, PartySanction.PROBATION)).contains(Form.THIRD);
        assertThat(of(OutcomeKind.PARTY_SANCTION, PartySanction.EXPULSION)).contains(Form.THIRD);
        assertThat(of(OutcomeKind.GOVERNMENT_SANCTION, GovernmentSanction.DEMOTION)).contains(Form.THIRD);
        assertThat(of(OutcomeKind.GOVERNMENT_SANCTION, GovernmentSanction.DISMISSAL)).contains(Form.THIRD);
        assertThat(of(OutcomeKind.GOVERNMENT_SANCTION, GovernmentSanction.EXPULSION)).contains(Form.THIRD);
        assertThat(of(OutcomeKind.JUDICIAL_REFERRAL, null)).contains(Form.FOURTH);
    }

    @Test
    void handlingWaysCaseStepsDetentionAndMoneyClassifyNobody() {
        for (HandlingWay w : HandlingWay.values()) {
            assertThat(of(OutcomeKind.HANDLING_WAY, w)).as(w.label()).isEmpty();
        }
        for (OutcomeKind k : List.of(OutcomeKind.CASE_FILED, OutcomeKind.DETENTION, OutcomeKind.CASE_CLOSED,
                OutcomeKind.MONEY, OutcomeKind.RETRACTED)) {
            assertThat(of(k, null)).as(k.label()).isEmpty();
        }
    }

    @Test
    void aPersonIsInTheHeaviestOfTheirForms() {
        assertThat(Form.heaviest(List.of())).isEmpty();
        assertThat(Form.heaviest(List.of(Form.FIRST, Form.FIRST))).contains(Form.FIRST);
        // 诫勉 then 党纪 警告: second form
        assertThat(Form.heaviest(List.of(Form.FIRST, Form.SECOND))).contains(Form.SECOND);
        // 政务 撤职 with 组织处理 免职: third
        assertThat(Form.heaviest(List.of(Form.SECOND, Form.THIRD))).contains(Form.THIRD);
        // 开除党籍, 开除 and 移送司法机关: fourth
        assertThat(Form.heaviest(List.of(Form.THIRD, Form.FOURTH, Form.THIRD))).contains(Form.FOURTH);
    }

    @Test
    void everyCodedChoiceHasItsLabelAndBelongsToOneKind() {
        assertThat(OutcomeKind.PARTY_SANCTION.code("EXPULSION")).contains(PartySanction.EXPULSION);
        assertThat(OutcomeKind.PARTY_SANCTION.code("DEMERIT")).as("记过 is a 政务处分 only").isEmpty();
        assertThat(OutcomeKind.CASE_FILED.code("WARNING")).isEmpty();
        assertThat(PartySanction.EXPULSION.label()).isEqualTo("开除党籍");
        assertThat(GovernmentSanction.EXPULSION.label()).isEqualTo("开除");
        assertThat(HandlingWay.SHELVED.label()).isEqualTo("暂存待查");
        assertThat(Form.FOURTH.label()).isEqualTo("第四种形态");
    }
}
