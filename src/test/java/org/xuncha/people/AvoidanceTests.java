package org.xuncha.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.common.BodyId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RegionCode;
import org.xuncha.organization.OrganizationLines;
import org.xuncha.organization.OrganizationLines.Node;
import org.xuncha.organization.OrganizationLines.Position;

/**
 * The one avoidance rule on its own: a tree 市委(1) → 审计局党组(2) → 审计局机关支部(3), with a sibling 财政局党组(4) under
 * the same 市委 and an unrelated 县委(5); every place of the inspector in county 350104, the targets elsewhere.
 */
@Tag("pure")
class AvoidanceTests {

    static final OrganizationId COMMITTEE = OrganizationId.of(1);
    static final OrganizationId AUDIT = OrganizationId.of(2);
    static final OrganizationId AUDIT_BRANCH = OrganizationId.of(3);
    static final OrganizationId FINANCE = OrganizationId.of(4);
    static final OrganizationId COUNTY = OrganizationId.of(5);
    static final int YEAR = 2026;

    final OrganizationLines lines = new OrganizationLines(Map.of(
            COMMITTEE, new Node(COMMITTEE, "O1", "中共清江市委", null),
            AUDIT, new Node(AUDIT, "O2", "中共清江市审计局党组", COMMITTEE),
            AUDIT_BRANCH, new Node(AUDIT_BRANCH, "O3", "中共清江市审计局机关支部委员会", AUDIT),
            FINANCE, new Node(FINANCE, "O4", "中共清江市财政局党组", COMMITTEE),
            COUNTY, new Node(COUNTY, "O5", "中共云岭县委", null)));

    static InspectorProfile inspector(OrganizationId employer, List<InspectorProfile.PostedAt> postings,
                                      List<InspectorProfile.RelativeIn> relatives) {
        RegionCode home = RegionCode.of("350104");
        return new InspectorProfile(InspectorId.of(1), "P1", BodyId.of(1), Rank.SECTION_CHIEF, false, home, home, home,
                List.of(), Set.of(), List.of(), Set.of(), Set.of(), employer, postings, relatives);
    }

    static InspectorProfile worksIn(OrganizationId employer) {
        return inspector(employer, List.of(), List.of());
    }

    /** A team inspecting {@code organization}, which lies in the city itself (市直: no place avoidance). */
    Avoidance.Target target(OrganizationId organization) {
        return new Avoidance.Target(organization, lines.name(organization), RegionCode.of("350100"));
    }

    Optional<Avoidance.Conflict> conflict(Avoidance rule, InspectorProfile p, OrganizationId target) {
        return rule.firstConflict(p, List.of(target(target)), lines, YEAR, false);
    }

    @Test
    void anInspectorMayNotInspectTheOrganizationTheyWorkIn() {
        Avoidance.Conflict c = conflict(Avoidance.everyPosting(), worksIn(AUDIT), AUDIT).orElseThrow();
        assertThat(c.position()).isEqualTo(Position.SAME);
        assertThat(c.organization()).isEqualTo(AUDIT);
        assertThat(c.message()).isEqualTo(
                "须回避：本人工作单位“中共清江市审计局党组”就是被巡察党组织“中共清江市审计局党组”（同一单位）");
    }

    @Test
    void norAnOrganizationBelowOrAboveItInTheSameLine() {
        Avoidance.Conflict above = conflict(Avoidance.everyPosting(), worksIn(AUDIT), AUDIT_BRANCH).orElseThrow();
        assertThat(above.position()).isEqualTo(Position.ABOVE);
        assertThat(above.message()).isEqualTo("须回避：本人工作单位“中共清江市审计局党组”是被巡察党组织"
                + "“中共清江市审计局机关支部委员会”的上级单位（同一领导序列）");
        Avoidance.Conflict below = conflict(Avoidance.everyPosting(), worksIn(AUDIT_BRANCH), AUDIT).orElseThrow();
        assertThat(below.position()).isEqualTo(Position.BELOW);
        assertThat(below.message()).contains("“中共清江市审计局机关支部委员会”是被巡察党组织“中共清江市审计局党组”的下级单位");
        // two levels up is still the same line
        assertThat(conflict(Avoidance.everyPosting(), worksIn(AUDIT_BRANCH), COMMITTEE)).get()
                .extracting(Avoidance.Conflict::position).isEqualTo(Position.BELOW);
    }

    @Test
    void aSiblingOrAnotherLineIsNoConflict() {
        assertThat(conflict(Avoidance.everyPosting(), worksIn(AUDIT), FINANCE)).isEmpty();
        assertThat(conflict(Avoidance.everyPosting(), worksIn(AUDIT_BRANCH), FINANCE)).isEmpty();
        assertThat(conflict(Avoidance.everyPosting(), worksIn(AUDIT), COUNTY)).isEmpty();
        assertThat(conflict(Avoidance.everyPosting(), worksIn(null), AUDIT)).isEmpty();
    }

    @Test
    void postingsCountWithinTheOfficesYearsOrAllWhenNoneAreSet() {
        InspectorProfile recent = inspector(FINANCE, List.of(new InspectorProfile.PostedAt(AUDIT, 2015, YEAR - 3)), List.of());
        InspectorProfile longAgo = inspector(FINANCE, List.of(new InspectorProfile.PostedAt(AUDIT, 1998, YEAR - 10)), List.of());
        InspectorProfile ongoing = inspector(FINANCE, List.of(new InspectorProfile.PostedAt(AUDIT, 1998, null)), List.of());
        Avoidance fiveYears = new Avoidance(5);
        assertThat(conflict(fiveYears, recent, AUDIT_BRANCH)).get().extracting(Avoidance.Conflict::message)
                .isEqualTo("须回避：本人曾任职单位“中共清江市审计局党组”是被巡察党组织“中共清江市审计局机关支部委员会”的上级单位（同一领导序列）");
        assertThat(conflict(fiveYears, longAgo, AUDIT)).isEmpty();
        assertThat(conflict(fiveYears, ongoing, AUDIT)).isPresent();
        assertThat(conflict(Avoidance.everyPosting(), longAgo, AUDIT)).isPresent();
        assertThat(new Avoidance(0)).isEqualTo(Avoidance.everyPosting());
        // exactly on the edge: ended five years back still binds
        InspectorProfile edge = inspector(FINANCE, List.of(new InspectorProfile.PostedAt(AUDIT, 2000, YEAR - 5)), List.of());
        assertThat(conflict(fiveYears, edge, AUDIT)).isPresent();
    }

    @Test
    void aDeclaredRelativeInTheLineIsAConflictNamingTheRelation() {
        InspectorProfile p = inspector(FINANCE, List.of(),
                List.of(new InspectorProfile.RelativeIn(AUDIT_BRANCH, Relation.SPOUSE)));
        assertThat(conflict(Avoidance.everyPosting(), p, AUDIT)).get().extracting(Avoidance.Conflict::message)
                .isEqualTo("须回避：本人的亲属（配偶）所在单位“中共清江市审计局机关支部委员会”是被巡察党组织“中共清江市审计局党组”的下级单位（同一领导序列）");
        assertThat(conflict(Avoidance.everyPosting(), p, COUNTY)).isEmpty();
    }

    @Test
    void placesAreCheckedByCountyAndALocalSeatIsExemptFromPlacesOnly() {
        InspectorProfile p = worksIn(AUDIT);
        Avoidance.Target inCounty = new Avoidance.Target(COUNTY, "中共云岭县委", RegionCode.of("350104"));
        assertThat(Avoidance.everyPosting().firstConflict(p, List.of(inCounty), lines, YEAR, false)).get()
                .extracting(Avoidance.Conflict::message).isEqualTo("须回避：该人员的居住地与巡察对象“中共云岭县委”在同一县（市、区）");
        assertThat(Avoidance.everyPosting().firstConflict(p, List.of(inCounty), lines, YEAR, true)).isEmpty();
        Avoidance.Target ownUnit = new Avoidance.Target(AUDIT, "中共清江市审计局党组", RegionCode.of("350104"));
        assertThat(Avoidance.everyPosting().firstConflict(p, List.of(ownUnit), lines, YEAR, true)).get()
                .extracting(Avoidance.Conflict::position).isEqualTo(Position.SAME);
    }
}
