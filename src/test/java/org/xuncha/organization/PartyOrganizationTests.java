package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.platform.web.UserInputException;

/** Behaviour and invariants of the entity, without a database. */
@Tag("pure")
class PartyOrganizationTests {

    static final PartyOrganization.Parent TOWNSHIP = new PartyOrganization.Parent(10, "T-1", 7);

    static PartyOrganization stored(long id, PartyOrganization.Parent parent) {
        return new PartyOrganization(id, "V-1", 7, 3, new PartyOrganization.Details("一村党支部", OrganizationKind.BRANCH,
                Sector.VILLAGE, "350102001001", parent, "李四"), OrganizationStatus.ACTIVE, null);
    }

    @Test
    void registerChecksCodeAndFields() {
        var details = new PartyOrganization.Details("  一村党支部 ", OrganizationKind.BRANCH, Sector.VILLAGE,
                "350102001001", TOWNSHIP, " ");
        PartyOrganization org = PartyOrganization.register("V-1", 7, details);
        assertThat(org.name()).isEqualTo("一村党支部");
        assertThat(org.leadingCadre()).isNull();
        assertThat(org.status()).isEqualTo(OrganizationStatus.ACTIVE);
        assertThatThrownBy(() -> PartyOrganization.register("有 空格", 7, details))
                .isInstanceOf(UserInputException.class).hasMessageContaining("组织编码");
        assertThatThrownBy(() -> PartyOrganization.register("V-2", 7, new PartyOrganization.Details("", OrganizationKind.BRANCH,
                Sector.VILLAGE, "350102001001", null, null))).hasMessage("请填写组织名称");
        assertThatThrownBy(() -> PartyOrganization.register("V-2", 7, new PartyOrganization.Details("x", OrganizationKind.BRANCH,
                Sector.VILLAGE, "3501", null, null))).hasMessageContaining("行政区划代码");
        assertThatThrownBy(() -> PartyOrganization.register("V-2", 8, details)).hasMessage("上级组织必须属于同一巡察机构");
    }

    @Test
    void editReturnsEveryChangedFieldAsOldAndNew() {
        PartyOrganization org = stored(20, TOWNSHIP);
        var other = new PartyOrganization.Parent(11, "T-2", 7);
        List<FieldChange> changes = org.edit(new PartyOrganization.Details("一村党总支", OrganizationKind.GENERAL_BRANCH,
                Sector.VILLAGE, "350102001001", other, "李四"), List.of(11L));
        assertThat(changes).containsExactly(
                new FieldChange("名称", "一村党支部", "一村党总支"),
                new FieldChange("组织类别", "党支部", "党总支"),
                new FieldChange("上级组织", "T-1", "T-2"));
        assertThat(FieldChange.lines(changes)).contains("名称：一村党支部 → 一村党总支");
        assertThat(org.parent()).isEqualTo(other);
        assertThat(org.edit(new PartyOrganization.Details("一村党总支", OrganizationKind.GENERAL_BRANCH,
                Sector.VILLAGE, "350102001001", other, "李四"), List.of(11L))).isEmpty();
    }

    @Test
    void cannotMoveUnderItselfOrItsDescendantsOrAnotherBody() {
        PartyOrganization org = stored(20, TOWNSHIP);
        var self = new PartyOrganization.Parent(20, "V-1", 7);
        var grandchild = new PartyOrganization.Parent(30, "G-1", 7);
        var elsewhere = new PartyOrganization.Parent(40, "X-1", 9);
        assertThatThrownBy(() -> org.edit(details(self), List.of(20L))).hasMessage("上级组织不能是它自己");
        assertThatThrownBy(() -> org.edit(details(grandchild), List.of(30L, 25L, 20L, 10L)))
                .hasMessage("不能把组织移到它自己的下级组织之下");
        assertThatThrownBy(() -> org.edit(details(elsewhere), List.of(40L))).hasMessage("上级组织必须属于同一巡察机构");
        assertThat(org.parent()).isEqualTo(TOWNSHIP);
    }

    static PartyOrganization.Details details(PartyOrganization.Parent parent) {
        return new PartyOrganization.Details("一村党支部", OrganizationKind.BRANCH, Sector.VILLAGE, "350102001001", parent, "李四");
    }

    @Test
    void deactivateNeedsAReasonAndNoActiveChildrenAndHappensOnce() {
        PartyOrganization org = stored(20, TOWNSHIP);
        assertThatThrownBy(() -> org.deactivate(" ", 0)).hasMessage("请填写撤销原因");
        assertThatThrownBy(() -> org.deactivate("合并", 2)).hasMessageContaining("还有 2 个在用的下级组织");
        assertThat(org.status()).isEqualTo(OrganizationStatus.ACTIVE);
        assertThat(org.deactivate("并入二村", 0)).containsExactly(new FieldChange("状态", "在用", "已撤销"));
        assertThat(org.statusReason()).isEqualTo("并入二村");
        assertThatThrownBy(() -> org.deactivate("again", 0)).hasMessageContaining("已撤销");
        assertThatThrownBy(() -> org.edit(details(TOWNSHIP), List.of(10L))).hasMessageContaining("先恢复");
    }

    @Test
    void reactivateNeedsAnActiveParent() {
        PartyOrganization org = stored(20, TOWNSHIP);
        org.deactivate("并入二村", 0);
        assertThatThrownBy(() -> org.reactivate("恢复", false)).hasMessageContaining("上级组织已撤销");
        assertThat(org.reactivate("拆分恢复", true)).containsExactly(new FieldChange("状态", "已撤销", "在用"));
        assertThat(org.status()).isEqualTo(OrganizationStatus.ACTIVE);
        assertThatThrownBy(() -> org.reactivate("再恢复", true)).hasMessageContaining("无需恢复");
    }

    @Test
    void inspectionBodyFiguresAreCheckedAndDiffed() {
        InspectionBody body = new InspectionBody(1, 0, new InspectionBody.Figures(5, null, "市委巡察办", 4, 20, 18));
        assertThatThrownBy(() -> body.revise(new InspectionBody.Figures(5, null, "市委巡察办", -1, 20, 18)))
                .hasMessageContaining("常设巡察组数");
        assertThat(body.revise(new InspectionBody.Figures(5, null, "市委巡察办", 5, 20, 22)))
                .containsExactly(new FieldChange("常设巡察组数", "4", "5"), new FieldChange("在编人数", "18", "22"));
    }
}
