package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.common.RegionLevel;
import org.xuncha.common.Role;
import org.xuncha.demo.DemoWorld.InspectorRow;
import org.xuncha.demo.DemoWorld.OrganizationRow;
import org.xuncha.demo.DemoWorld.RegionRow;
import org.xuncha.organization.Sector;

/** The generated world before it reaches a database: sizes, codes, identity numbers, determinism. */
@Tag("pure")
class DemoWorldTests {

    static final DemoWorld CITY = DemoWorld.generate(Scale.CITY, 2026);
    /** Built once: with five terms of planning it takes seconds. */
    static final DemoWorld PROVINCE = DemoWorld.generate(Scale.PROVINCE, 2026);

    @Test
    void sameSeedSameWorldOtherSeedOtherWorld() {
        assertThat(DemoWorld.generate(Scale.CITY, 2026)).isEqualTo(CITY);
        DemoWorld other = DemoWorld.generate(Scale.CITY, 2027);
        assertThat(other.inspectors()).isNotEqualTo(CITY.inspectors());
        assertThat(other.regions()).isNotEqualTo(CITY.regions());
    }

    @Test
    void cityScaleHasTheStatedSizesForManySeeds() {
        for (long seed = 1; seed <= 20; seed++) {
            DemoWorld w = seed == 2026 ? CITY : DemoWorld.generate(Scale.CITY, seed);
            assertThat(w.count(RegionLevel.CITY)).isEqualTo(1);
            assertThat(w.count(RegionLevel.COUNTY)).isEqualTo(6);
            assertThat(w.count(RegionLevel.TOWNSHIP)).isBetween(90L, 110L);
            assertThat(w.count(RegionLevel.VILLAGE)).isBetween(1300L, 1700L);
            long units = w.organizations().stream()
                    .filter(o -> o.sector() != Sector.TOWNSHIP && o.sector() != Sector.VILLAGE).count();
            assertThat(units).as("departments, enterprises, schools, hospitals, institutions").isBetween(650L, 750L);
            assertThat(w.inspectors()).hasSize(400);
            assertThat(w.bodies()).hasSize(7);
            long leaders = w.inspectors().stream().filter(InspectorRow::canLead).count();
            assertThat(leaders).as("can lead").isBetween(60L, 100L);
        }
    }

    @Test
    void everyTownshipAndVillageHasItsPartyOrganization() {
        Map<String, List<OrganizationRow>> byRegion = new HashMap<>();
        CITY.organizations().forEach(o -> byRegion.computeIfAbsent(o.regionCode(), k -> new java.util.ArrayList<>()).add(o));
        Map<String, String> codeOf = new HashMap<>();
        CITY.organizations().forEach(o -> codeOf.put(o.code(), o.regionCode()));
        for (RegionRow r : CITY.regions()) {
            if (r.level() == RegionLevel.VILLAGE) {
                OrganizationRow village = byRegion.get(r.code()).stream().filter(o -> o.sector() == Sector.VILLAGE)
                        .findFirst().orElseThrow();
                // a village branch hangs under its township's committee
                assertThat(codeOf.get(village.parentCode())).isEqualTo(r.parentCode());
                assertThat(village.name()).startsWith("中共").contains(r.name());
            }
            if (r.level() == RegionLevel.TOWNSHIP) {
                assertThat(byRegion.get(r.code())).anyMatch(o -> o.sector() == Sector.TOWNSHIP && o.parentCode() == null);
            }
        }
    }

    @Test
    void divisionCodesAreWellFormedAndNested() {
        for (DemoWorld w : List.of(CITY, PROVINCE)) {
            Map<String, RegionRow> byCode = new HashMap<>();
            for (RegionRow r : w.regions()) {
                assertThat(byCode.put(r.code(), r)).as("unique " + r.code()).isNull();
                int expectedLength = switch (r.level()) {
                    case PROVINCE, CITY, COUNTY -> 6;
                    case TOWNSHIP -> 9;
                    case VILLAGE -> 12;
                };
                assertThat(r.code()).as(r.level() + " " + r.code()).matches("\\d{" + expectedLength + "}");
                switch (r.level()) {
                    case PROVINCE -> assertThat(r.code()).endsWith("0000");
                    case CITY -> assertThat(r.code()).endsWith("00").doesNotEndWith("0000");
                    case COUNTY -> assertThat(r.code()).doesNotEndWith("00");
                    default -> { }
                }
                if (r.parentCode() != null) {
                    RegionRow parent = byCode.get(r.parentCode());
                    assertThat(parent).as("parent listed before " + r.code()).isNotNull();
                    assertThat(parent.level().ordinal()).isEqualTo(r.level().ordinal() - 1);
                    // the child starts with the significant part of its parent's code
                    String prefix = switch (parent.level()) {
                        case PROVINCE -> parent.code().substring(0, 2);
                        case CITY -> parent.code().substring(0, 4);
                        default -> parent.code();
                    };
                    assertThat(r.code()).startsWith(prefix);
                } else {
                    assertThat(r.level()).isIn(RegionLevel.PROVINCE, RegionLevel.CITY);
                }
            }
            Set<String> codes = byCode.keySet();
            for (InspectorRow p : w.inspectors()) {
                assertThat(codes.containsAll(List.of(p.residenceCode(), p.workplaceCode(), p.hometownCode())))
                        .as(p.code()).isTrue();
                p.postings().forEach(posting -> assertThat(codes.contains(posting.regionCode())).isTrue());
            }
            w.organizations().forEach(o -> assertThat(codes.contains(o.regionCode())).as(o.code()).isTrue());
        }
    }

    @Test
    void identityNumbersAreValidUniqueAndMatchGenderAndHometown() {
        Set<String> seen = new HashSet<>();
        for (InspectorRow p : CITY.inspectors()) {
            String n = p.idNumber();
            assertThat(validGb11643(n)).as(n).isTrue();
            assertThat(seen.add(n)).isTrue();
            assertThat(n.substring(0, 6)).isEqualTo(p.hometownCode().substring(0, 6));
            assertThat((n.charAt(16) - '0') % 2 == 1).isEqualTo(p.gender().equals("MALE"));
        }
    }

    @Test
    void provinceScaleHasTheStatedSizes() {
        DemoWorld w = PROVINCE;
        assertThat(w.count(RegionLevel.PROVINCE)).isEqualTo(1);
        assertThat(w.count(RegionLevel.CITY)).isEqualTo(16);
        assertThat(w.count(RegionLevel.COUNTY)).isEqualTo(100);
        assertThat((long) w.organizations().size()).isBetween(36_000L, 44_000L);
        assertThat(w.inspectors()).hasSize(5000);
        assertThat(w.bodies()).hasSize(117);
        assertThat(w.accounts()).filteredOn(a -> a.role() == Role.OFFICE).hasSize(1 + 16 + 100);
    }

    @Test
    void demoAccountsCoverEveryRoleAndEveryCounty() {
        assertThat(CITY.accounts().stream().map(DemoWorld.AccountRow::role).distinct()).containsExactlyInAnyOrder(Role.values());
        assertThat(CITY.accounts()).extracting(DemoWorld.AccountRow::username).contains(
                "office", "leader", "team-leader", "team-member", "target", "discipline", "org-dept", "collaborator",
                "sys-admin", "sec-admin", "auditor",
                "office-369902", "office-369903", "office-369921", "office-369922", "office-369923", "office-369981");
    }

    /**
     * GB 11643-1999, written independently of the generator: ISO 7064 MOD 11-2 over all 18 characters
     * (X = 10) by the recursive method must leave 1, and the birth date must exist.
     */
    static boolean validGb11643(String n) {
        if (n == null || !n.matches("\\d{17}[\\dX]")) {
            return false;
        }
        int p = 0;
        for (int i = 0; i < 17; i++) {
            p = (p + (n.charAt(i) - '0')) * 2 % 11;
        }
        int check = (12 - p) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        if (n.charAt(17) != expected) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.parse(n.substring(6, 14),
                    DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));
            return birth.getYear() >= 1900 && birth.isBefore(LocalDate.of(2026, 1, 1));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Test
    void theComparisonListsHaveValidDistinctIdentityNumbersAndFiveDeadOnTheBenefitRoll() {
        for (long seed : new long[] {2026, 1, 2}) {
            DemoComparison.Lists lists = DemoComparison.lists(seed, "369900", WorldBuilder.REFERENCE_DATE);
            assertThat(lists.benefit()).hasSize(36);
            assertThat(lists.cremation()).hasSize(14);
            Set<String> numbers = new HashSet<>();
            lists.benefit().forEach(p -> numbers.add(p.idNumber()));
            lists.cremation().forEach(p -> numbers.add(p.idNumber()));
            // 36 + 14 rows, 5 persons on both: 45 distinct numbers, all valid under GB 11643
            assertThat(numbers).hasSize(36 + 14 - 5).allMatch(DemoWorldTests::validGb11643)
                    .allMatch(n -> n.startsWith("369900"));
            assertThat(lists.onBoth()).hasSize(5);
            // the dead on the roll were cremated before today: a payment after the death is what the team finds
            lists.cremation().forEach(p -> assertThat(p.date()).isBefore(WorldBuilder.REFERENCE_DATE));
            assertThat(DemoComparison.benefitXlsx(lists)).isNotEmpty();
        }
    }

    @Test
    void independentCheckRecognisesKnownNumbers() {
        // the standard's example 11010519491231002X and a one-digit corruption of it
        assertThat(validGb11643("11010519491231002X")).isTrue();
        assertThat(validGb11643("11010519491231003X")).isFalse();
        assertThat(validGb11643("110105194912310021")).isFalse();
    }

    // ---- planning (届期规划与巡察) -------------------------------------------------------------------------

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void planningIsTheSameForTheSameSeedAndDayAndMovesWithTheDay() {
        DemoWorld again = DemoWorld.generate(Scale.CITY, 2026, TODAY);
        assertThat(again.planning()).isEqualTo(CITY.planning());
        assertThat(CITY.planning().today()).isEqualTo(TODAY);
        DemoWorld later = DemoWorld.generate(Scale.CITY, 2026, TODAY.plusDays(60));
        assertThat(later.organizations()).as("only planning depends on the day").isEqualTo(CITY.organizations());
        assertThat(later.inspectors()).isEqualTo(CITY.inspectors());
        assertThat(later.planning().inspections()).isNotEqualTo(CITY.planning().inspections());
    }

    @Test
    void theCurrentTermOfEveryBodyIs2021To2026WithAnApprovedPlanOfAllItsOrganizations() {
        var planning = CITY.planning();
        assertThat(planning.terms()).hasSize(7);
        for (DemoWorld.TermRow t : planning.terms()) {
            assertThat(t.firstYear()).isEqualTo(2021);
            assertThat(t.lastYear()).isEqualTo(2026);
            Set<String> planned = new HashSet<>();
            t.entries().forEach(e -> {
                assertThat(planned.add(e.organizationCode())).isTrue();
                assertThat(e.plannedYear()).isBetween(2022, 2026);
                assertThat(e.plannedRound()).isPositive();
            });
            Set<String> ofBody = new HashSet<>();
            CITY.organizations().stream().filter(o -> o.bodyRegionCode().equals(t.bodyRegionCode()))
                    .forEach(o -> ofBody.add(o.code()));
            assertThat(planned).as(t.name()).isEqualTo(ofBody);
            assertThat(t.approvedOn()).isBefore(LocalDate.of(2022, 1, 1));
        }
        assertThat(planning.terms()).extracting(DemoWorld.TermRow::name).contains("清江市委第十二届（2021—2026年）");
    }

    @Test
    void everyStageEveryFormAndALookBackAppearInTheDemoCity() {
        var inspections = CITY.planning().inspections();
        Map<String, DemoWorld.InspectionRow> byKey = new HashMap<>();
        inspections.forEach(i -> byKey.put(i.key(), i));
        assertThat(inspections.stream().filter(i -> i.bodyRegionCode().equals("369900"))
                .map(DemoWorld.InspectionRow::stage).distinct())
                .containsExactlyInAnyOrder(org.xuncha.inspection.InspectionStage.values());
        Map<String, String> countyOf = new HashMap<>();
        CITY.organizations().forEach(o -> countyOf.put(o.code(), o.regionCode().substring(0, 6)));
        assertThat(inspections).filteredOn(i -> i.has(org.xuncha.inspection.InspectionForm.CROSS)).isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(i.bodyRegionCode()).isEqualTo("369900");
                    assertThat(i.teamCountyCode()).isNotNull().isNotEqualTo(countyOf.get(i.targets().get(0).organizationCode()));
                });
        assertThat(inspections).filteredOn(i -> i.has(org.xuncha.inspection.InspectionForm.ELEVATED)).isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(i.bodyRegionCode()).isEqualTo("369900");
                    assertThat(countyOf.get(i.targets().get(0).organizationCode())).isNotEqualTo("369900");
                });
        assertThat(inspections).filteredOn(i -> i.has(org.xuncha.inspection.InspectionForm.EXTENDED)).isNotEmpty()
                .allSatisfy(i -> assertThat(i.targets()).anyMatch(t -> t.extendedFrom() != null)
                        .allMatch(t -> t.extendedFrom() == null || t.extendedFrom().equals(i.targets().get(0).organizationCode())));
        assertThat(inspections).filteredOn(i -> i.mode() == org.xuncha.inspection.InspectionMode.SPECIAL).isNotEmpty()
                .allSatisfy(i -> assertThat(i.specialTopic()).isNotBlank());
        assertThat(inspections).filteredOn(i -> i.mode() == org.xuncha.inspection.InspectionMode.LOOK_BACK).isNotEmpty()
                .allSatisfy(i -> {
                    DemoWorld.InspectionRow earlier = byKey.get(i.lookBackOf());
                    assertThat(earlier).isNotNull();
                    assertThat(earlier.roundOrdinal()).isLessThan(i.roundOrdinal());
                    assertThat(earlier.targets()).extracting(DemoWorld.TargetRow::organizationCode)
                            .contains(i.targets().get(0).organizationCode());
                });
    }

    @Test
    void aRoundIsInProgressWithTeamsPreparingStationedAndReporting() {
        var inspections = CITY.planning().inspections();
        int last = CITY.planning().rounds().stream().filter(r -> r.bodyRegionCode().equals("369900"))
                .mapToInt(DemoWorld.RoundRow::ordinal).max().orElseThrow();
        assertThat(inspections).filteredOn(i -> i.bodyRegionCode().equals("369900") && i.roundOrdinal() == last)
                .extracting(DemoWorld.InspectionRow::stage).contains(org.xuncha.inspection.InspectionStage.PREPARING,
                        org.xuncha.inspection.InspectionStage.STATIONED, org.xuncha.inspection.InspectionStage.REPORTING)
                .doesNotContain(org.xuncha.inspection.InspectionStage.FEEDBACK);
    }

    @Test
    void teamsAreFullAndFinishedRoundsExistForManySeedsAndDays() {
        for (long seed = 1; seed <= 6; seed++) {
            LocalDate day = TODAY.plusDays(seed * 97);
            DemoWorld w = DemoWorld.generate(Scale.CITY, seed, day);
            assertThat(w.planning().inspections()).isNotEmpty();
            assertThat(w.planning().inspections().stream().filter(i -> !awaitsTeam(i, "369900"))
                    .filter(i -> i.members().size() != 5 || i.members().get(0).role() != org.xuncha.people.TeamRole.LEADER)
                    .map(i -> i.key() + " " + i.members().size())).as("teams not full on " + day).isEmpty();
            assertThat(w.planning().inspections()).filteredOn(i -> awaitsTeam(i, "369900"))
                    .as("the demo city's inspections in preparation await team formation on " + day).isNotEmpty()
                    .allSatisfy(i -> assertThat(i.members()).isEmpty());
            assertThat(w.planning().inspections().stream().map(DemoWorld.InspectionRow::stage).distinct())
                    .as("stages on " + day).contains(org.xuncha.inspection.InspectionStage.PREPARING,
                            org.xuncha.inspection.InspectionStage.STATIONED, org.xuncha.inspection.InspectionStage.REPORTING,
                            org.xuncha.inspection.InspectionStage.CLOSED);
        }
    }

    @Test
    void provinceScaleHasFiveTermsPerBodyWithInspectionsCoveringMostOrganizations() {
        var planning = PROVINCE.planning();
        assertThat(planning.terms()).hasSize(117 * 5);
        assertThat(planning.terms().stream().map(DemoWorld.TermRow::firstYear).distinct())
                .containsExactlyInAnyOrder(2001, 2006, 2011, 2016, 2021);
        Map<String, Set<String>> covered = new HashMap<>();
        for (DemoWorld.InspectionRow i : planning.inspections()) {
            if (i.stage().covers()) {
                String first = i.termKey().substring(i.termKey().indexOf('/') + 1);
                i.targets().forEach(t -> covered.computeIfAbsent(first, k -> new HashSet<>()).add(t.organizationCode()));
            }
        }
        for (String first : List.of("2001", "2006", "2011", "2016")) {
            assertThat(covered.get(first).size() * 100L / PROVINCE.organizations().size()).as(first).isBetween(85L, 99L);
        }
        assertThat(covered.get("2021").size() * 100L / PROVINCE.organizations().size()).isBetween(75L, 99L);
        assertThat(planning.inspections()).hasSizeGreaterThan(30_000);
        assertThat(planning.inspections().stream().filter(i -> !awaitsTeam(i, "390100") && i.members().size() != 5)
                .count()).isZero();
    }

    /** The demo city's own inspections in preparation are generated without a team, for 巡察组组建. */
    static boolean awaitsTeam(DemoWorld.InspectionRow i, String demoCity) {
        return i.bodyRegionCode().equals(demoCity) && i.stage() == org.xuncha.inspection.InspectionStage.PREPARING;
    }
}
