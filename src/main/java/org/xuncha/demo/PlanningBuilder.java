package org.xuncha.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RegionCode;
import org.xuncha.common.RegionLevel;
import org.xuncha.demo.DemoWorld.AnnouncementRow;
import org.xuncha.demo.DemoWorld.BodyRow;
import org.xuncha.demo.DemoWorld.InfoRequestRow;
import org.xuncha.demo.DemoWorld.InspectionRow;
import org.xuncha.demo.DemoWorld.InspectorRow;
import org.xuncha.demo.DemoWorld.MemberRow;
import org.xuncha.demo.DemoWorld.OrganizationRow;
import org.xuncha.demo.DemoWorld.PlanEntryRow;
import org.xuncha.demo.DemoWorld.RoundRow;
import org.xuncha.demo.DemoWorld.StageChangeRow;
import org.xuncha.demo.DemoWorld.TargetRow;
import org.xuncha.demo.DemoWorld.TermRow;
import org.xuncha.organization.OrganizationLines;
import org.xuncha.organization.Sector;
import org.xuncha.people.Avoidance;
import org.xuncha.people.InspectorProfile;
import org.xuncha.people.Relation;
import org.xuncha.people.TeamRole;
import org.xuncha.inforequest.InfoRequestStatus;
import org.xuncha.inspection.InspectionForm;
import org.xuncha.inspection.InspectionMode;
import org.xuncha.inspection.InspectionStage;

/**
 * Builds the planning rows of a {@link DemoWorld}: for every inspection body the current term (the province
 * scale: the last five terms) with an approved plan of all its organizations, its rounds and their inspections,
 * teams, stage history, entry announcements and information requests — all as of {@code today}, from a seeded
 * random source only.
 *
 * <p><b>Calendar.</b> Rounds follow one cadence for every body (上下联动): the round in progress stationed its
 * first teams {@value #ANCHOR_DAYS} days before today, earlier rounds every {@value #CADENCE_DAYS} days before
 * that, each body a few days apart. A term {@code F–F+5} (e.g. 2021–2026) holds the rounds that station in the
 * years F+1 … F+5, so the term of the round in progress is the current one. Finished rounds are at REPORTING,
 * FEEDBACK, RECTIFYING or CLOSED depending on how long ago they were; the round in progress has teams that have
 * withdrawn (REPORTING), teams on site (STATIONED) and teams still preparing (PREPARING, 分批进驻).
 *
 * <p><b>Plans and forms.</b> A county's townships are inspected together with their villages (EXTENDED, the
 * villages' {@code extended_from} is the township); its other units in groups of one to a few per team. A few
 * county targets per term are inspected by the city instead: ELEVATED with city inspectors, or CROSS with a team
 * from the next county of the city (推磨: county i is inspected by a team from county i+1). Some inspections are
 * SPECIAL with a topic or MOBILE, a few AUDIT_LINKED or LINKED; every body has a LOOK_BACK of an earlier target
 * per term. A small share of planned organizations is never inspected, so coverage is below 100 %.
 *
 * <p><b>Teams</b> (5 each: LEADER who can lead, DEPUTY, LIAISON, two MEMBERs) pass the platform's one avoidance
 * rule ({@link Avoidance}, every posting counting): no member's residence, workplace, posting or hometown in the
 * county of a target at county level or below, and no member whose employing organization, posting or declared
 * relative is a target or above or below one in the organization tree. No inspector is on two inspections whose periods
 * (first stationing day to withdrawal, or the round's planned withdrawal while not yet withdrawn) overlap, and
 * nobody is used during a declared absence. Teams are drawn from the body's own inspectors first, then from the
 * neighbouring bodies of the same city (a county's own inspectors all work in it, so its teams come from the
 * other counties and the city, as in 交叉 practice).
 */
final class PlanningBuilder {

    static final int CADENCE_DAYS = 122;
    static final int ANCHOR_DAYS = 55;
    // lower case: Inspections.channel accepts only the alphabet the application itself draws codes from
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String ACCEPTS = "主要受理反映被巡察党组织领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位领导干部问题的来信、"
            + "来电、来访和网上举报，重点是违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律等方面的问题。"
            + "其他不属于巡察受理范围的信访问题，按规定由被巡察党组织和有关部门处理。";
    private static final TeamRole[] SEATS = {TeamRole.LEADER, TeamRole.DEPUTY, TeamRole.LIAISON, TeamRole.MEMBER,
            TeamRole.MEMBER};
    private static final String[] REQUEST_DEPARTMENTS = {"审计局", "信访局", "纪委监委信访室"};

    private final Scale scale;
    private final SplittableRandom random;
    private final LocalDate today;
    private final LocalDate anchor;
    private final String demoCity;
    private final Map<String, String> regionNames;
    private final List<BodyRow> bodies;
    private final Map<String, List<String>> countiesOfCity;

    private final Map<String, OrganizationRow> organizationByCode = new HashMap<>();
    private final Map<String, List<Item>> itemsOfBody = new LinkedHashMap<>();
    private final Map<String, List<InspectorRow>> inspectorsOfBody = new LinkedHashMap<>();
    /** Each inspector as the one avoidance rule reads them ({@link Avoidance}), by inspector code. */
    private final Map<String, InspectorProfile> profileOf = new HashMap<>();
    /** The whole organization tree of the world, for the rule's "same line of leadership". */
    private final OrganizationLines lines;
    /** Every posting counts: the strictest setting, so the demo's teams pass the rule whatever an office sets. */
    private final Avoidance avoidance = Avoidance.everyPosting();
    /** The last resort when neither the own nor the neighbouring bodies have anyone left. */
    private final List<InspectorRow> everyone;

    private final List<TermRow> terms = new ArrayList<>();
    private final List<RoundRow> rounds = new ArrayList<>();
    private final List<Draft> drafts = new ArrayList<>();
    private final List<InfoRequestRow> requests = new ArrayList<>();
    private final Set<String> channelCodes = new HashSet<>();

    PlanningBuilder(Scale scale, SplittableRandom random, LocalDate today, String demoCity,
                    Map<String, String> regionNames, List<BodyRow> bodies, List<OrganizationRow> organizations,
                    List<InspectorRow> inspectors, Map<String, List<String>> countiesOfCity) {
        this.scale = scale;
        this.random = random;
        this.today = today;
        this.anchor = today.minusDays(ANCHOR_DAYS);
        this.demoCity = demoCity;
        this.regionNames = regionNames;
        this.bodies = bodies;
        this.countiesOfCity = countiesOfCity;
        Map<String, List<OrganizationRow>> villagesOf = new HashMap<>();
        for (OrganizationRow o : organizations) {
            organizationByCode.put(o.code(), o);
            if (o.sector() == Sector.VILLAGE) {
                villagesOf.computeIfAbsent(o.parentCode(), k -> new ArrayList<>()).add(o);
            }
        }
        for (OrganizationRow o : organizations) {
            if (o.sector() != Sector.VILLAGE) {
                itemsOfBody.computeIfAbsent(o.bodyRegionCode(), k -> new ArrayList<>())
                        .add(new Item(o, villagesOf.getOrDefault(o.code(), List.of())));
            }
        }
        this.everyone = inspectors;
        Map<OrganizationId, OrganizationLines.Node> nodes = new HashMap<>();
        for (OrganizationRow o : organizations) {
            nodes.put(organizationId(o.code()), new OrganizationLines.Node(organizationId(o.code()), o.code(), o.name(),
                    o.parentCode() == null ? null : organizationId(o.parentCode())));
        }
        this.lines = new OrganizationLines(nodes);
        for (int k = 0; k < inspectors.size(); k++) {
            InspectorRow p = inspectors.get(k);
            inspectorsOfBody.computeIfAbsent(p.bodyRegionCode(), key -> new ArrayList<>()).add(p);
            profileOf.put(p.code(), profile(k + 1, p));
        }
    }

    /**
     * The organization id a row stands for inside the generator: the serial of its code (ORG-000123 → 123), which
     * is unique in one world; the database gives other ids, but the rule only compares ids with each other.
     */
    static OrganizationId organizationId(String code) {
        return OrganizationId.of(Long.parseLong(code.substring(code.lastIndexOf('-') + 1)));
    }

    /** What the avoidance rule reads of an inspector row; absences and periods are checked by the builder. */
    private static InspectorProfile profile(long id, InspectorRow p) {
        List<InspectorProfile.PostedAt> postedAt = new ArrayList<>();
        List<RegionCode> postings = new ArrayList<>();
        for (var x : p.postings()) {
            postings.add(RegionCode.of(x.regionCode()));
            if (x.organizationCode() != null) {
                postedAt.add(new InspectorProfile.PostedAt(organizationId(x.organizationCode()), x.fromYear(), x.toYear()));
            }
        }
        List<InspectorProfile.RelativeIn> relatives = new ArrayList<>();
        Set<OrganizationId> relativeOrganizations = new HashSet<>();
        for (var r : p.relatives()) {
            relatives.add(new InspectorProfile.RelativeIn(organizationId(r.organizationCode()), Relation.valueOf(r.relation())));
            relativeOrganizations.add(organizationId(r.organizationCode()));
        }
        return new InspectorProfile(InspectorId.of(id), p.code(), BodyId.of(1), p.rank(), p.canLead(),
                RegionCode.of(p.residenceCode()), RegionCode.of(p.workplaceCode()), RegionCode.of(p.hometownCode()),
                postings, Set.copyOf(p.skills()), List.of(), relativeOrganizations, Set.of(),
                p.employerOrganizationCode() == null ? null : organizationId(p.employerOrganizationCode()),
                postedAt, relatives);
    }

    DemoWorld.Planning build() {
        int current = termFirst(anchor);
        // Early in a term the demo city also gets the previous one, so that finished rounds are always there.
        long finished = slotsOf(current).stream().filter(s -> s >= 1).count();
        int termCount = scale == Scale.CITY ? (finished < 3 ? 2 : 1) : 5;
        for (int t = termCount - 1; t >= 0; t--) {
            buildTerm(current - 5 * t);
        }
        staffTeams();
        linkDemoAccounts();
        List<InspectionRow> inspections = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            if (d.stage.reached(InspectionStage.STATIONED)) {
                d.announcement = announcement(d);
            }
            if (d.stage == InspectionStage.PREPARING || d.stage == InspectionStage.STATIONED) {
                requestInformation(d);
            }
            inspections.add(d.row());
        }
        return new DemoWorld.Planning(today, List.copyOf(terms), List.copyOf(rounds), List.copyOf(inspections),
                List.copyOf(requests));
    }

    // ---- calendar ---------------------------------------------------------------------------------------

    /** The base stationing date of slot s: 0 is the round in progress, 1 the one before, -1 the next. */
    private LocalDate slotDate(int s) {
        return anchor.minusDays((long) CADENCE_DAYS * s);
    }

    /** First year of the term a round stationing on {@code date} belongs to: F with F+1 ≤ year ≤ F+5. */
    static int termFirst(LocalDate date) {
        return 2021 + 5 * Math.floorDiv(date.getYear() - 2022, 5);
    }

    /** The slots of term F in chronological order (highest slot number first). */
    private List<Integer> slotsOf(int first) {
        List<Integer> slots = new ArrayList<>();
        for (int s = 200; s >= -20; s--) {
            if (termFirst(slotDate(s)) == first) {
                slots.add(s);
            }
        }
        return slots;
    }

    // ---- terms, plans, rounds ---------------------------------------------------------------------------

    private void buildTerm(int first) {
        List<Integer> slots = slotsOf(first);
        Map<String, Map<Integer, List<Work>>> work = new LinkedHashMap<>();
        for (BodyRow body : bodies) {
            work.put(body.regionCode(), new LinkedHashMap<>());
        }
        for (BodyRow body : bodies) {
            planTerm(body, first, slots, work);
        }
        for (BodyRow body : bodies) {
            String termKey = termKey(body.regionCode(), first);
            List<Draft> ofTerm = new ArrayList<>();
            int ordinal = 0;
            for (int s : slots) {
                ordinal++;
                List<Work> items = work.get(body.regionCode()).getOrDefault(s, List.of());
                round(body, termKey, ordinal, s, items, ofTerm);
            }
        }
    }

    private void planTerm(BodyRow body, int first, List<Integer> slots, Map<String, Map<Integer, List<Work>>> work) {
        String region = body.regionCode();
        List<Item> items = new ArrayList<>(itemsOfBody.getOrDefault(region, List.of()));
        shuffle(items);
        List<PlanEntryRow> entries = new ArrayList<>();
        String city = body.level() == RegionLevel.COUNTY ? body.parentRegionCode() : null;
        List<String> counties = city == null ? List.of() : countiesOfCity.get(city);
        int elevated = city == null ? 0 : scale == Scale.CITY ? 2 : 1;
        int cross = city == null || counties.size() < 2 ? 0 : scale == Scale.CITY ? 2 : 1;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int position = (int) ((long) i * slots.size() / items.size());
            int s = slots.get(position);
            int year = slotDate(s).getYear();
            entries.add(new PlanEntryRow(item.main().code(), year, position + 1));
            item.villages().forEach(v -> entries.add(new PlanEntryRow(v.code(), year, position + 1)));
            if (s < 0 || random.nextInt(100) < 3) {
                continue; // a future round, or planned but not (yet) inspected
            }
            boolean township = !item.villages().isEmpty();
            if (!township && elevated > 0 && random.nextInt(100) < 20) {
                elevated--;
                work.get(city).computeIfAbsent(s, k -> new ArrayList<>())
                        .add(new Work(List.of(item), InspectionForm.ELEVATED, null));
            } else if (township && cross > 0 && random.nextInt(100) < 30) {
                cross--;
                String teamCounty = counties.get((counties.indexOf(region) + 1) % counties.size());
                work.get(city).computeIfAbsent(s, k -> new ArrayList<>())
                        .add(new Work(List.of(item), InspectionForm.CROSS, teamCounty));
            } else {
                work.get(region).computeIfAbsent(s, k -> new ArrayList<>()).add(new Work(List.of(item), null, null));
            }
        }
        String place = regionNames.get(region);
        int ordinal = (body.level() == RegionLevel.PROVINCE ? 11 : body.level() == RegionLevel.CITY ? 12 : 14)
                + (first - 2021) / 5;
        String actor = officeOf(region);
        terms.add(new TermRow(termKey(region, first), region,
                place + "委第" + chinese(ordinal) + "届（" + first + "—" + (first + 5) + "年）", first, first + 5,
                LocalDate.of(first, 11, 1), LocalDate.of(first, 12, 20).plusDays(random.nextInt(8)), actor,
                "经" + place + "委巡察工作领导小组会议审议通过", List.copyOf(entries)));
    }

    private void round(BodyRow body, String termKey, int ordinal, int s, List<Work> own, List<Draft> ofTerm) {
        String region = body.regionCode();
        // Bodies station up to two months apart in finished rounds (fewer teams on site at once), within ten days
        // of each other in the round in progress.
        LocalDate station = slotDate(s).plusDays(random.nextInt(s == 0 ? 10 : 61));
        String name = "第" + chinese(ordinal) + "轮巡察";
        if (s < 0) {
            rounds.add(new RoundRow(termKey, region, ordinal, name, station, station.plusDays(42),
                    station.plusDays(87), null, null, null, min(station.minusDays(30), today)));
            return;
        }
        LocalDate plannedWithdraw = s == 0 ? today.plusDays(56) : station.plusDays(42);
        // Townships (with their villages) and elevated/cross work one team each; units share the remaining teams.
        List<List<Work>> teams = new ArrayList<>();
        List<Work> units = new ArrayList<>();
        for (Work w : own) {
            if (w.form() != null || !w.items().get(0).villages().isEmpty()) {
                teams.add(List.of(w));
            } else {
                units.add(w);
            }
        }
        long local = teams.stream().filter(t -> t.get(0).form() == null).count();
        int groups = (int) Math.min(units.size(), Math.max(1, body.standingTeams() + 1 - local));
        for (int g = 0; g < groups; g++) {
            teams.add(new ArrayList<>(units.subList(g * units.size() / groups, (g + 1) * units.size() / groups)));
        }
        List<Draft> inRound = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            Draft d = inspection(body, termKey, ordinal, s, teams.get(i), i, station, plannedWithdraw);
            inRound.add(d);
        }
        // One look-back per term: a target inspected at least three rounds earlier, in a finished round.
        List<Draft> earlier = ofTerm.stream().filter(d -> d.ordinal <= ordinal - 3 && d.mode == InspectionMode.REGULAR
                && d.forms.isEmpty()).toList();
        boolean lookBackDone = ofTerm.stream().anyMatch(d -> d.mode == InspectionMode.LOOK_BACK);
        if (s >= 1 && !lookBackDone && !earlier.isEmpty() && (s == 1 || random.nextInt(100) < 35)) {
            Draft of = earlier.get(random.nextInt(earlier.size()));
            OrganizationRow target = organizationByCode.get(of.targets.get(0).organizationCode());
            Draft d = inspection(body, termKey, ordinal, s, List.of(new Work(List.of(new Item(target, List.of())),
                    null, null)), inRound.size(), station, plannedWithdraw);
            d.mode = InspectionMode.LOOK_BACK;
            d.lookBackOf = of.key;
            d.forms.clear();
            inRound.add(d);
        }
        ofTerm.addAll(inRound);
        drafts.addAll(inRound);
        LocalDate actualWithdraw = null;
        LocalDate actualFeedback = null;
        if (s >= 1) {
            actualWithdraw = inRound.stream().map(d -> d.withdrawn).max(Comparator.naturalOrder()).orElse(null);
            boolean allFed = inRound.stream().allMatch(d -> d.stage.covers());
            actualFeedback = allFed ? inRound.stream().map(d -> d.feedback).max(Comparator.naturalOrder()).orElse(null)
                    : null;
        }
        rounds.add(new RoundRow(termKey, region, ordinal, name, station, plannedWithdraw,
                plannedWithdraw.plusDays(45), station, actualWithdraw, actualFeedback, station.minusDays(30)));
    }

    private Draft inspection(BodyRow body, String termKey, int ordinal, int s, List<Work> team, int index,
                             LocalDate station, LocalDate plannedWithdraw) {
        String region = body.regionCode();
        Draft d = new Draft(String.format("I%06d", drafts.size() + index + 1), region, termKey, ordinal);
        d.actor = officeOf(region);
        d.created = station.minusDays(30);
        d.end = plannedWithdraw;
        Work first = team.get(0);
        String place = regionNames.get(region);
        if (first.form() == InspectionForm.CROSS) {
            d.forms.add(InspectionForm.CROSS);
            d.teamCounty = first.teamCounty();
            d.teamName = place + "委第" + chinese(index + 1) + "交叉巡察组（" + regionNames.get(first.teamCounty()) + "）";
        } else {
            d.teamName = place + "委第" + chinese(index + 1) + "巡察组";
        }
        if (first.form() == InspectionForm.ELEVATED) {
            d.forms.add(InspectionForm.ELEVATED);
        }
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        for (Work w : team) {
            for (Item item : w.items()) {
                d.targets.add(new TargetRow(item.main().code(), null));
                sectors.add(item.main().sector());
                for (OrganizationRow v : item.villages()) {
                    d.targets.add(new TargetRow(v.code(), item.main().code()));
                }
                if (!item.villages().isEmpty()) {
                    d.forms.add(InspectionForm.EXTENDED);
                }
            }
        }
        int roll = random.nextInt(100);
        if (first.form() == null && d.forms.isEmpty()) {
            boolean forceSpecial = region.equals(demoCity) && ordinal == 2 && index == 0;
            if (forceSpecial || roll < 6) {
                d.mode = InspectionMode.SPECIAL;
                d.topic = topic(sectors.iterator().next());
            } else if (roll < 9) {
                d.mode = InspectionMode.MOBILE;
            }
            if (team.size() >= 2 && sectors.size() == 1) {
                d.forms.add(InspectionForm.SYSTEM);
            }
        }
        int formRoll = random.nextInt(100);
        if (formRoll < 8 && (sectors.contains(Sector.STATE_ENTERPRISE) || sectors.contains(Sector.DEPARTMENT))) {
            d.forms.add(InspectionForm.AUDIT_LINKED);
        } else if (formRoll >= 95) {
            d.forms.add(InspectionForm.LINKED);
            d.linkedWith = upperOf(body) + "第" + chinese(1 + random.nextInt(8))
                    + (body.level() == RegionLevel.COUNTY ? "巡察组" : "巡视组");
        }
        dates(d, s, index, station);
        return d;
    }

    /** Sets stage and dates as of today; finished rounds by elapsed time, the round in progress by batch. */
    private void dates(Draft d, int s, int index, LocalDate station) {
        if (s == 0) {
            switch (index % 3) {
                case 0 -> {
                    d.stationed = station;
                    d.withdrawn = station.plusDays(38 + random.nextInt(8));
                    d.stage = InspectionStage.REPORTING;
                }
                case 1 -> {
                    d.stationed = today.minusDays(15 + random.nextInt(10));
                    d.stage = InspectionStage.STATIONED;
                }
                default -> {
                    d.plannedStation = today.plusDays(7 + random.nextInt(7));
                    d.stage = InspectionStage.PREPARING;
                }
            }
            d.start = d.stationed != null ? d.stationed : d.plannedStation;
            d.end = d.withdrawn != null ? d.withdrawn : d.end;
            d.created = min(d.created, d.start.minusDays(30));
            return;
        }
        d.stationed = station;
        d.start = station;
        d.withdrawn = station.plusDays(38 + random.nextInt(8));
        d.end = d.withdrawn;
        LocalDate feedback = d.withdrawn.plusDays(25 + random.nextInt(50));
        LocalDate rectifying = feedback.plusDays(10 + random.nextInt(25));
        LocalDate closed = feedback.plusDays(150 + random.nextInt(110));
        boolean late = s == 1 && (random.nextInt(100) < 30 || d.body.equals(demoCity) && index == 0);
        if (late) {
            // 反馈 delayed by the leading group's hearing: fed back days ago, no rectification plan yet.
            feedback = today.minusDays(3 + random.nextInt(18));
            rectifying = today.plusDays(5 + random.nextInt(20));
            closed = rectifying.plusDays(150);
        }
        d.stage = InspectionStage.REPORTING;
        if (!feedback.isAfter(today)) {
            d.feedback = feedback;
            d.stage = InspectionStage.FEEDBACK;
            if (!rectifying.isAfter(today)) {
                d.rectifying = rectifying;
                d.stage = InspectionStage.RECTIFYING;
                if (!closed.isAfter(today)) {
                    d.closed = closed;
                    d.stage = InspectionStage.CLOSED;
                }
            }
        }
    }

    // ---- teams ------------------------------------------------------------------------------------------

    /**
     * Leaders first, for every inspection in order of its start, then the other four seats: leaders are the
     * scarce seat (about one inspector in five can lead), so they are not spent on ordinary seats.
     */
    private void staffTeams() {
        List<Draft> byStart = new ArrayList<>(drafts);
        byStart.sort(Comparator.comparing((Draft d) -> d.start));
        Map<String, TreeMap<LocalDate, LocalDate>> busy = new HashMap<>();
        Map<String, List<InspectorRow>> neighbours = new HashMap<>();
        Map<Draft, List<Avoidance.Target>> targetsOf = new HashMap<>();
        Map<Draft, List<MemberRow>> members = new HashMap<>();
        for (Draft d : byStart) {
            List<Avoidance.Target> targets = new ArrayList<>();
            for (TargetRow t : d.targets) {
                OrganizationRow o = organizationByCode.get(t.organizationCode());
                targets.add(new Avoidance.Target(organizationId(o.code()), o.name(), RegionCode.of(o.regionCode())));
            }
            targetsOf.put(d, targets);
            members.put(d, new ArrayList<>());
        }
        for (TeamRole seat : List.of(TeamRole.LEADER, TeamRole.DEPUTY)) {
            for (Draft d : byStart) {
                List<InspectorRow> own;
                List<InspectorRow> others;
                if (d.teamCounty != null) {
                    own = inspectorsOfBody.getOrDefault(d.teamCounty, List.of());
                    others = inspectorsOfBody.getOrDefault(d.body, List.of());
                } else {
                    own = inspectorsOfBody.getOrDefault(d.body, List.of());
                    others = neighbours.computeIfAbsent(d.body, this::neighbours);
                }
                List<MemberRow> team = members.get(d);
                Set<String> chosen = new HashSet<>();
                team.forEach(m -> chosen.add(m.inspectorCode()));
                List<TeamRole> seats = seat == TeamRole.LEADER ? List.of(TeamRole.LEADER)
                        : List.of(SEATS).subList(1, SEATS.length);
                for (TeamRole role : seats) {
                    InspectorRow p = pick(own, others, role == TeamRole.LEADER, chosen, d, targetsOf.get(d), busy);
                    if (p != null) {
                        chosen.add(p.code());
                        busy.computeIfAbsent(p.code(), k -> new TreeMap<>()).put(d.start, d.end);
                        team.add(new MemberRow(p.code(), role, null, d.start.minusDays(20)));
                    }
                }
            }
        }
        // The demo city's own inspections still in preparation are left without a team (待组建), so that its office
        // can form them on 巡察组组建; the members drawn for them above are dropped, which keeps every other row as
        // the same seed has always made it.
        for (Draft d : drafts) {
            d.members = awaitsTeam(d) ? List.of() : List.copyOf(members.get(d));
        }
    }

    private boolean awaitsTeam(Draft d) {
        return d.body.equals(demoCity) && d.stage == InspectionStage.PREPARING;
    }

    /**
     * The first inspector who fits, from the own pool (at a random starting point) before the neighbours, and
     * anyone of the talent pool as the last resort. Ordinary
     * seats go to inspectors who cannot lead while there are any, so that leaders remain for the LEADER seats.
     */
    private InspectorRow pick(List<InspectorRow> own, List<InspectorRow> others, boolean lead, Set<String> chosen,
                              Draft d, List<Avoidance.Target> targets, Map<String, TreeMap<LocalDate, LocalDate>> busy) {
        List<List<List<InspectorRow>>> tiers = List.of(List.of(own, others), List.of(everyone));
        for (List<List<InspectorRow>> tier : tiers) {
            for (int pass = lead ? 1 : 0; pass < 2; pass++) {
                for (List<InspectorRow> pool : tier) {
                    if (pool.isEmpty()) {
                        continue;
                    }
                    int offset = random.nextInt(pool.size());
                    for (int i = 0; i < pool.size(); i++) {
                        InspectorRow p = pool.get((offset + i) % pool.size());
                        if ((pass == 1 || !p.canLead()) && fits(p, lead, chosen, d, targets, busy)) {
                            return p;
                        }
                    }
                }
            }
        }
        return null;
    }

    private boolean fits(InspectorRow p, boolean lead, Set<String> chosen, Draft d, List<Avoidance.Target> targets,
                         Map<String, TreeMap<LocalDate, LocalDate>> busy) {
        if (!p.active() || (lead && !p.canLead()) || chosen.contains(p.code())) {
            return false;
        }
        // An inspector's periods never overlap each other: the latest one starting by d.end is the only candidate.
        TreeMap<LocalDate, LocalDate> taken = busy.get(p.code());
        var last = taken == null ? null : taken.floorEntry(d.end);
        if (last != null && !last.getValue().isBefore(d.start)) {
            return false;
        }
        for (var a : p.absences()) {
            if (!a.startsOn().isAfter(d.end) && !a.endsOn().isBefore(d.start)) {
                return false;
            }
        }
        return avoidance.firstConflict(profileOf.get(p.code()), targets, lines, d.start.getYear(), false).isEmpty();
    }

    /** Inspectors of the bodies next to this one: a county's sibling counties and its city; a city's counties. */
    private List<InspectorRow> neighbours(String body) {
        List<InspectorRow> result = new ArrayList<>();
        RegionLevel level = RegionCode.of(body).level();
        if (level == RegionLevel.COUNTY) {
            String city = body.substring(0, 4) + "00";
            for (String county : countiesOfCity.getOrDefault(city, List.of())) {
                if (!county.equals(body)) {
                    result.addAll(inspectorsOfBody.getOrDefault(county, List.of()));
                }
            }
            result.addAll(inspectorsOfBody.getOrDefault(city, List.of()));
        } else if (level == RegionLevel.CITY) {
            countiesOfCity.getOrDefault(body, List.of())
                    .forEach(county -> result.addAll(inspectorsOfBody.getOrDefault(county, List.of())));
        } else {
            countiesOfCity.keySet().forEach(city -> result.addAll(inspectorsOfBody.getOrDefault(city, List.of())));
        }
        return result;
    }

    /** team-leader and team-member play the leader and a member of the demo city's first stationed regular team. */
    private void linkDemoAccounts() {
        for (Draft d : drafts) {
            if (d.body.equals(demoCity) && d.stage == InspectionStage.STATIONED && d.forms.isEmpty()
                    && d.members.size() == SEATS.length) {
                List<MemberRow> members = new ArrayList<>(d.members);
                MemberRow leader = members.get(0);
                MemberRow member = members.get(members.size() - 1);
                members.set(0, new MemberRow(leader.inspectorCode(), leader.role(), "team-leader", leader.joinedOn()));
                members.set(members.size() - 1,
                        new MemberRow(member.inspectorCode(), member.role(), "team-member", member.joinedOn()));
                d.members = members;
                return;
            }
        }
    }

    // ---- announcements and information requests --------------------------------------------------------

    private AnnouncementRow announcement(Draft d) {
        String code;
        do {
            StringBuilder b = new StringBuilder(26);
            for (int i = 0; i < 26; i++) {
                b.append(BASE32.charAt(random.nextInt(32)));
            }
            code = b.toString();
        } while (!channelCodes.add(code));
        LocalDate to = d.withdrawn != null ? d.withdrawn : d.stationed.plusDays(40);
        String place = regionNames.get(d.body);
        String phone = "0" + d.body.substring(1, 4) + "-" + (6_000_0000 + random.nextInt(4_000_0000));
        String mailbox = place + "邮政信箱" + (1000 + random.nextInt(9000)) + "号（" + d.teamName + "）";
        return new AnnouncementRow(phone, mailbox, ACCEPTS, d.stationed, to, to.minusDays(5), code,
                d.stage == InspectionStage.STATIONED);
    }

    /** Per department, how many requests were past due and how many were not: decides answered/pending/overdue. */
    private final Map<String, int[]> requestCounters = new HashMap<>();

    private void requestInformation(Draft d) {
        String place = regionNames.get(d.body);
        List<TargetRow> mains = d.targets.stream().filter(t -> t.extendedFrom() == null).limit(3).toList();
        for (TargetRow target : mains) {
            OrganizationRow org = organizationByCode.get(target.organizationCode());
            for (String suffix : REQUEST_DEPARTMENTS) {
                String department = place + suffix;
                LocalDate sent;
                LocalDate due;
                if (d.stage == InspectionStage.PREPARING) {
                    sent = today.minusDays(3 + random.nextInt(8));
                    due = sent.plusDays(14);
                } else {
                    sent = d.stationed.minusDays(20 + random.nextInt(5));
                    due = sent.plusDays(10);
                }
                int[] counter = requestCounters.computeIfAbsent(department, k -> new int[2]);
                boolean pastDue = due.isBefore(today);
                boolean answered = pastDue ? counter[0]++ % 3 != 0 : counter[1]++ % 2 != 0;
                LocalDate answeredOn = null;
                String answer = null;
                String answeredBy = null;
                if (answered) {
                    long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(sent, min(due, today)));
                    answeredOn = sent.plusDays(1 + random.nextLong(span));
                    answeredOn = min(answeredOn, today);
                    answer = answer(suffix, org.name());
                    answeredBy = answererOf(d.body, department);
                }
                requests.add(new InfoRequestRow(d.key, org.code(), department, question(suffix, org.name()), sent, due,
                        answered ? InfoRequestStatus.ANSWERED : InfoRequestStatus.SENT, d.actor, answer, answeredOn,
                        answeredBy));
            }
        }
    }

    private String answererOf(String body, String department) {
        if (body.equals(demoCity)) {
            String place = regionNames.get(demoCity);
            if (department.equals(place + "审计局")) {
                return "collaborator";
            }
            for (String[] more : WorldBuilder.MORE_COLLABORATORS) {
                if (department.equals(place + more[1])) {
                    return more[0];
                }
            }
        }
        return department;
    }

    private static String question(String department, String org) {
        return switch (department) {
            case "审计局" -> "请提供" + org + "近三年接受审计（含经济责任审计）发现的问题及整改落实情况。";
            case "信访局" -> "请提供近三年涉及" + org + "的信访事项及办理情况。";
            default -> "请提供近三年反映" + org + "领导班子及其成员的信访举报和问题线索处置情况。";
        };
    }

    private String answer(String department, String org) {
        int a = 1 + random.nextInt(4);
        int b = random.nextInt(8);
        return switch (department) {
            case "审计局" -> "经查，" + org + "近三年接受审计 " + a + " 次，发现问题 " + (b + a) + " 个，已整改 " + b
                    + " 个，其余正在整改中。";
            case "信访局" -> "经查，近三年涉及" + org + "的信访事项 " + b + " 件，均已按程序办结，无重复信访。";
            default -> "经查，近三年反映" + org + "领导班子及其成员的信访举报 " + b + " 件，已了结 " + b + " 件，"
                    + (a > 2 ? "正在初核 1 件。" : "无在办问题线索。");
        };
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private String officeOf(String body) {
        return body.equals(demoCity) ? "office" : "office-" + body;
    }

    private String upperOf(BodyRow body) {
        return switch (body.level()) {
            case COUNTY -> regionNames.get(body.parentRegionCode()) + "委";
            case CITY -> body.parentRegionCode() == null ? "省委" : regionNames.get(body.parentRegionCode()) + "委";
            default -> "中央";
        };
    }

    private static String topic(Sector sector) {
        return switch (sector) {
            case VILLAGE, TOWNSHIP -> "乡村振兴";
            case STATE_ENTERPRISE -> "危化品安全";
            case SCHOOL -> "教育收费";
            case HOSPITAL -> "医保基金使用";
            case PUBLIC_INSTITUTION -> "扫黑除恶常态化";
            default -> "巩固拓展脱贫攻坚成果";
        };
    }

    private static String termKey(String body, int first) {
        return body + "/" + first;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }

    /** 1 … 99 in Chinese numerals: 一, 十, 十二, 二十一. */
    static String chinese(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : digits.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + digits.charAt(n % 10);
    }

    /** A main target with the villages a township inspection extends to. */
    private record Item(OrganizationRow main, List<OrganizationRow> villages) {
    }

    /** Targets a body inspects in a round; form ELEVATED or CROSS for county targets inspected by the city. */
    private record Work(List<Item> items, InspectionForm form, String teamCounty) {
    }

    /** An inspection while it is being built. */
    private static final class Draft {
        final String key;
        final String body;
        final String termKey;
        final int ordinal;
        String teamName;
        InspectionMode mode = InspectionMode.REGULAR;
        String topic;
        String lookBackOf;
        final EnumSet<InspectionForm> forms = EnumSet.noneOf(InspectionForm.class);
        String linkedWith;
        String teamCounty;
        InspectionStage stage;
        LocalDate plannedStation;
        LocalDate stationed;
        LocalDate withdrawn;
        LocalDate feedback;
        LocalDate rectifying;
        LocalDate closed;
        LocalDate created;
        /** The period the team is taken: first day on site (or planned) to withdrawal (or the round's plan). */
        LocalDate start;
        LocalDate end;
        String actor;
        final List<TargetRow> targets = new ArrayList<>();
        List<MemberRow> members = List.of();
        AnnouncementRow announcement;

        Draft(String key, String body, String termKey, int ordinal) {
            this.key = key;
            this.body = body;
            this.termKey = termKey;
            this.ordinal = ordinal;
        }

        InspectionRow row() {
            List<StageChangeRow> changes = new ArrayList<>();
            LocalDate[] on = {stationed, withdrawn, feedback, rectifying, closed};
            InspectionStage[] stages = InspectionStage.values();
            for (int i = 0; i < on.length && stage.reached(stages[i + 1]); i++) {
                changes.add(new StageChangeRow(stages[i], stages[i + 1], on[i]));
            }
            return new InspectionRow(key, body, termKey, ordinal, teamName, mode, topic, lookBackOf,
                    Set.copyOf(forms), linkedWith, teamCounty, stage, stationed, withdrawn, feedback, closed, created,
                    actor, List.copyOf(targets), List.copyOf(members), List.copyOf(changes), announcement);
        }
    }
}
