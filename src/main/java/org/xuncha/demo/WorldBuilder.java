package org.xuncha.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.xuncha.common.RegionLevel;
import org.xuncha.common.Role;
import org.xuncha.demo.DemoWorld.AccountRow;
import org.xuncha.demo.DemoWorld.Absence;
import org.xuncha.demo.DemoWorld.Assignment;
import org.xuncha.demo.DemoWorld.BodyRow;
import org.xuncha.demo.DemoWorld.InspectorRow;
import org.xuncha.demo.DemoWorld.OrganizationRow;
import org.xuncha.demo.DemoWorld.Posting;
import org.xuncha.demo.DemoWorld.RegionRow;
import org.xuncha.demo.DemoWorld.Relative;
import org.xuncha.organization.OrganizationKind;
import org.xuncha.organization.Sector;
import org.xuncha.people.Rank;
import org.xuncha.people.Skill;

/**
 * Builds a {@link DemoWorld} from a seed. Only the seeded random source decides content: no clock, no
 * UUIDs, and every collection that is iterated keeps insertion order. Dates are anchored to {@link #BASE_YEAR}
 * so that the same seed gives the same rows on any day.
 *
 * <p>Codes: the demo city is 清江市 369900 (prefix 3699 is unused by GB/T 2260, so it never collides with a
 * real division); the benchmark province is 江川省 390000 with cities 390100…391600. Districts are numbered
 * from 02, counties from 21, a county-level city 81; streets 001…, towns 100…, townships 200…; communities
 * 001…, villages 200… — the numbering rules of the statistical division codes.
 */
final class WorldBuilder {

    static final int BASE_YEAR = 2026;
    /** The 'today' of {@link DemoWorld#generate(Scale, long)}; the loader passes the run's date instead. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 28);

    private final Scale scale;
    private final long seed;
    private final SplittableRandom random;
    private final LocalDate today;

    private final List<RegionRow> regions = new ArrayList<>();
    private final List<BodyRow> bodies = new ArrayList<>();
    private final List<OrganizationRow> organizations = new ArrayList<>();
    private final List<InspectorRow> inspectors = new ArrayList<>();
    private final List<AccountRow> accounts = new ArrayList<>();

    /** Per inspection body (by region code): the organizations it inspects, for relatives and assignments. */
    private static final long PLANNING_SALT = 0x5EED_1A2B_3C4DL;

    private final Map<String, List<String>> organizationsOfBody = new LinkedHashMap<>();
    /** Per city (by code): its county codes; the seat district is the first. */
    private final Map<String, List<String>> countiesOfCity = new LinkedHashMap<>();
    /** Per county: its village and community codes. */
    private final Map<String, List<String>> villagesOfCounty = new LinkedHashMap<>();
    private final Map<String, List<String>> townshipsOfCounty = new LinkedHashMap<>();
    private final Map<String, String> regionNames = new LinkedHashMap<>();
    private final Set<String> identityNumbers = new HashSet<>();
    private final Set<String> placeNames = new HashSet<>();
    private final Map<String, String> organizationByName = new LinkedHashMap<>();
    /** The party committee of each township, by the township's code. */
    private final Map<String, String> townshipOrganization = new LinkedHashMap<>();
    private int organizationSerial;

    WorldBuilder(Scale scale, long seed, LocalDate today) {
        this.scale = scale;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.today = today;
    }

    DemoWorld build() {
        if (scale == Scale.CITY) {
            buildCity("369900", "清江", null, List.of("临江区", "青湖区", "云岭县", "石门县", "丰源县", "安平市"));
            staff("369900", 130);
            countiesOfCity.get("369900").forEach(county -> staff(county, 45));
            demoAccounts("369900");
        } else {
            buildProvince();
        }
        // Planning draws from a random source of its own, so the rows above stay what they were before it existed.
        DemoWorld.Planning planning = new PlanningBuilder(scale, new SplittableRandom(seed ^ PLANNING_SALT), today,
                scale == Scale.CITY ? "369900" : "390100", regionNames, bodies, organizations, inspectors,
                countiesOfCity).build();
        return new DemoWorld(scale, seed, List.copyOf(regions), List.copyOf(bodies), List.copyOf(organizations),
                List.copyOf(inspectors), List.copyOf(accounts), planning);
    }

    private void buildProvince() {
        String province = "390000";
        placeNames.add("江川");
        placeNames.add("清江");
        region(province, "江川省", RegionLevel.PROVINCE, null);
        body(province, "江川省委巡察机构", RegionLevel.PROVINCE, null, 12, 60);
        units(province, "江川省", true);
        // 100 counties over 16 cities: six each, seven for four of them.
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sizes.add(i < 4 ? 7 : 6);
        }
        shuffle(sizes);
        for (int c = 1; c <= 16; c++) {
            String cityCode = String.format("39%02d00", c);
            String name = c == 1 ? "清江" : NamePools.place(random, placeNames);
            buildCity(cityCode, name, province, null, sizes.get(c - 1));
        }
        // 5,000 inspectors: 200 at the province, 100 per city, 32 per county.
        staff(province, 200);
        countiesOfCity.keySet().forEach(city -> staff(city, 100));
        countiesOfCity.values().forEach(counties -> counties.forEach(county -> staff(county, 32)));
        demoAccounts("390100");
        accounts.add(new AccountRow("office-" + province, "江川省委巡察办（演示）", Role.OFFICE, province, null, null));
        countiesOfCity.keySet().stream().filter(city -> !city.equals("390100")).forEach(city -> accounts.add(
                new AccountRow("office-" + city, regionNames.get(city) + "委巡察办（演示）", Role.OFFICE, city, null, null)));
        for (String city : countiesOfCity.keySet()) {
            if (!city.equals("390100")) {
                countyOffices(city);
            }
        }
    }

    private void buildCity(String code, String name, String parent, List<String> countyNames) {
        buildCity(code, name, parent, countyNames, countyNames.size());
    }

    private void buildCity(String code, String name, String parent, List<String> countyNames, int countyCount) {
        String cityName = name + "市";
        placeNames.add(name);
        region(code, cityName, RegionLevel.CITY, parent);
        body(code, cityName + "委巡察机构", RegionLevel.CITY, parent, 5, 30);
        units(code, cityName, false);
        String prefix = code.substring(0, 4);
        int districts = Math.max(1, countyCount / 3);
        int countyLevelCities = countyCount >= 5 ? 1 : 0;
        List<String> counties = new ArrayList<>();
        for (int i = 0; i < countyCount; i++) {
            String countyCode;
            String suffix;
            if (i < districts) {
                countyCode = prefix + String.format("%02d", 2 + i);
                suffix = "区";
            } else if (i < countyCount - countyLevelCities) {
                countyCode = prefix + String.format("%02d", 21 + i - districts);
                suffix = "县";
            } else {
                countyCode = prefix + "81";
                suffix = "市";
            }
            String countyName = countyNames != null ? countyNames.get(i) : NamePools.place(random, placeNames) + suffix;
            buildCounty(countyCode, countyName, code, "区".equals(suffix));
            counties.add(countyCode);
        }
        countiesOfCity.put(code, counties);
    }

    private void buildCounty(String code, String name, String city, boolean district) {
        region(code, name, RegionLevel.COUNTY, city);
        body(code, name + "委巡察机构", RegionLevel.COUNTY, city, 3, 15);
        units(code, name, false);
        int townshipCount = 15 + random.nextInt(4);
        int streets = district ? Math.round(townshipCount * 0.7f) : 1 + random.nextInt(3);
        int towns = district ? townshipCount - streets : Math.round((townshipCount - streets) * 0.6f);
        Set<String> names = new HashSet<>();
        List<String> townships = new ArrayList<>();
        List<String> villages = new ArrayList<>();
        for (int t = 0; t < townshipCount; t++) {
            String kind = t < streets ? "街道" : t < streets + towns ? "镇" : "乡";
            int number = t < streets ? 1 + t : t < streets + towns ? 100 + t - streets : 200 + t - streets - towns;
            String townshipCode = code + String.format("%03d", number);
            String townshipName = NamePools.place(random, names) + kind;
            region(townshipCode, townshipName, RegionLevel.TOWNSHIP, code);
            townships.add(townshipCode);
            boolean street = kind.equals("街道");
            String townshipOrg = organization(
                    street ? "中共" + name + townshipName + "工作委员会" : "中共" + name + townshipName + "委员会",
                    street ? OrganizationKind.WORKING_COMMITTEE : OrganizationKind.PARTY_COMMITTEE,
                    Sector.TOWNSHIP, townshipCode, null, code);
            int communities = street ? 5 + random.nextInt(8) : kind.equals("镇") ? 1 + random.nextInt(3) : 0;
            int ruralVillages = street ? 0 : 12 + random.nextInt(11);
            for (int v = 0; v < communities + ruralVillages; v++) {
                boolean community = v < communities;
                String villageCode = townshipCode + String.format("%03d", community ? 1 + v : 200 + v - communities);
                String villageName = NamePools.place(random, names) + (community ? "社区" : "村");
                region(villageCode, villageName, RegionLevel.VILLAGE, townshipCode);
                villages.add(villageCode);
                int size = random.nextInt(100);
                OrganizationKind kindOfVillage = size < 5 ? OrganizationKind.PARTY_COMMITTEE
                        : size < 25 ? OrganizationKind.GENERAL_BRANCH : OrganizationKind.BRANCH;
                String form = switch (kindOfVillage) {
                    case PARTY_COMMITTEE -> "委员会";
                    case GENERAL_BRANCH -> "总支部委员会";
                    default -> "支部委员会";
                };
                organization("中共" + townshipName + villageName + form, kindOfVillage, Sector.VILLAGE, villageCode,
                        townshipOrg, code);
            }
            // Township schools and health centres are inspected by the county.
            organization("中共" + name + townshipName + "中心" + (street ? "小学" : "学校") + "支部委员会",
                    OrganizationKind.BRANCH, Sector.SCHOOL, townshipCode, null, code);
            organization("中共" + name + townshipName + (street ? "社区卫生服务中心" : "卫生院") + "支部委员会",
                    OrganizationKind.BRANCH, Sector.HOSPITAL, townshipCode, null, code);
        }
        townshipsOfCounty.put(code, townships);
        villagesOfCounty.put(code, villages);
    }

    /** Departments, enterprises, schools, hospitals and institutions of one level, inspected by its body. */
    private void units(String code, String place, boolean province) {
        boolean county = RegionLevel.COUNTY == levelOf(code);
        List<String> departments = county ? NamePools.DEPARTMENTS.subList(0, NamePools.COUNTY_DEPARTMENTS)
                : NamePools.DEPARTMENTS;
        for (String department : departments) {
            String unit = place + (province ? provincial(department) : department);
            boolean committee = NamePools.DEPARTMENT_COMMITTEES.contains(department);
            organization("中共" + unit + (committee ? "委员会" : "党组"),
                    committee ? OrganizationKind.PARTY_COMMITTEE : OrganizationKind.LEADING_PARTY_GROUP,
                    Sector.DEPARTMENT, code, null, code);
        }
        List<String> enterprises = county ? NamePools.ENTERPRISES.subList(0, NamePools.COUNTY_ENTERPRISES)
                : NamePools.ENTERPRISES;
        for (int i = 0; i < enterprises.size(); i++) {
            boolean group = enterprises.get(i).contains("集团");
            organization("中共" + place + enterprises.get(i) + (group ? "委员会" : "总支部委员会"),
                    group ? OrganizationKind.PARTY_COMMITTEE : OrganizationKind.GENERAL_BRANCH,
                    Sector.STATE_ENTERPRISE, code, null, code);
        }
        for (String school : county ? NamePools.COUNTY_SCHOOLS : NamePools.CITY_SCHOOLS) {
            boolean big = school.contains("中学") || school.contains("学院") || school.contains("大学");
            organization("中共" + place + school + (big ? "委员会" : "总支部委员会"),
                    big ? OrganizationKind.PARTY_COMMITTEE : OrganizationKind.GENERAL_BRANCH, Sector.SCHOOL,
                    code, null, code);
        }
        for (String hospital : county ? NamePools.COUNTY_HOSPITALS : NamePools.CITY_HOSPITALS) {
            boolean big = hospital.contains("人民医院") || hospital.equals("中医院");
            organization("中共" + place + hospital + (big ? "委员会" : "总支部委员会"),
                    big ? OrganizationKind.PARTY_COMMITTEE : OrganizationKind.GENERAL_BRANCH, Sector.HOSPITAL,
                    code, null, code);
        }
        List<String> institutions = county ? NamePools.INSTITUTIONS.subList(0, NamePools.COUNTY_INSTITUTIONS)
                : NamePools.INSTITUTIONS;
        for (String institution : institutions) {
            organization("中共" + place + institution + "支部委员会", OrganizationKind.BRANCH,
                    Sector.PUBLIC_INSTITUTION, code, null, code);
        }
    }

    /** Province-level bureaus are 厅 where the real ones are. */
    private static final Set<String> HALLS = Set.of("教育局", "科学技术局", "公安局", "民政局", "司法局", "财政局",
            "人力资源和社会保障局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "审计局",
            "退役军人事务局", "应急管理局");

    private static String provincial(String department) {
        return HALLS.contains(department) ? department.substring(0, department.length() - 1) + "厅" : department;
    }

    private String organization(String name, OrganizationKind kind, Sector sector, String regionCode,
                                String parentCode, String bodyRegion) {
        String code = String.format("ORG-%06d", ++organizationSerial);
        organizationByName.putIfAbsent(name, code);
        if (sector == Sector.TOWNSHIP) {
            townshipOrganization.put(regionCode, code);
        }
        organizations.add(new OrganizationRow(code, name, kind, sector, regionCode, parentCode, bodyRegion,
                NamePools.person(random, random.nextInt(100) < 75)));
        organizationsOfBody.computeIfAbsent(bodyRegion, k -> new ArrayList<>()).add(code);
        return code;
    }

    private void region(String code, String name, RegionLevel level, String parent) {
        regions.add(new RegionRow(code, name, level, parent));
        regionNames.put(code, name);
    }

    private void body(String region, String name, RegionLevel level, String parent, int teams, int quota) {
        bodies.add(new BodyRow(region, name, level, parent, teams, quota, quota - random.nextInt(4)));
    }

    // ---- inspectors -------------------------------------------------------------------------------------

    private static final Rank[] RANKS = Rank.values();
    private static final int[] COUNTY_RANKS = {1, 6, 30, 33, 25, 5};
    private static final int[] CITY_RANKS = {5, 18, 35, 22, 17, 3};
    private static final int[] LEAD_CHANCE = {90, 60, 30, 5, 0, 10};

    private void staff(String bodyRegion, int count) {
        RegionLevel level = levelOf(bodyRegion);
        // Own county: the county itself, or the seat district of a city (of the first city for the province).
        String city = level == RegionLevel.PROVINCE ? "390100"
                : level == RegionLevel.CITY ? bodyRegion : cityOf(bodyRegion);
        String seat = level == RegionLevel.COUNTY ? bodyRegion : countiesOfCity.get(city).get(0);
        String place = regionNames.get(bodyRegion);
        for (int i = 0; i < count; i++) {
            boolean male = random.nextInt(100) < 65;
            String name = NamePools.person(random, male);
            Rank rank = weighted(level == RegionLevel.COUNTY ? COUNTY_RANKS : CITY_RANKS);
            boolean canLead = random.nextInt(100) < LEAD_CHANCE[rank.ordinal()];
            String[] source = NamePools.pick(random, NamePools.INSPECTOR_SOURCES);
            String employer = place + source[0];
            String post = post(rank);

            String residenceCounty = random.nextInt(100) < (level == RegionLevel.COUNTY ? 90 : 65) ? seat
                    : otherCounty(city, seat);
            String residence = NamePools.pick(random, villagesOfCounty.get(residenceCounty));
            int homeRoll = random.nextInt(100);
            String homeCounty = homeRoll < 60 ? seat
                    : homeRoll < 95 || scale == Scale.CITY ? otherCounty(city, seat) : countyElsewhere(city);
            String hometown = NamePools.pick(random, villagesOfCounty.get(homeCounty));

            int age = 28 + random.nextInt(31);
            LocalDate birth = LocalDate.of(BASE_YEAR - age, 1, 1).plusDays(random.nextInt(365));
            String idNumber;
            do {
                int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
                idNumber = IdentityNumbers.of(homeCounty, birth, sequence);
            } while (!identityNumbers.add(idNumber));

            List<Posting> postings = postings(seat, city, post, BASE_YEAR - age + 23);
            // Organizations follow from what was drawn, without drawing more, so every other row stays as it was.
            String employerOrganization = departmentOrganization(place, bodyRegion, source[0]);
            postings = withOrganizations(postings, employerOrganization, source[0]);
            List<Skill> skills = skills(Skill.valueOf(source[1]));
            List<Absence> absences = absences();
            List<String> jurisdiction = organizationsOfBody.get(bodyRegion);
            List<Relative> relatives = new ArrayList<>();
            if (random.nextInt(100) < 8) {
                relatives.add(new Relative(NamePools.pick(random, jurisdiction), NamePools.pick(random, NamePools.RELATIONS)));
            }
            List<Assignment> assignments = new ArrayList<>();
            if (random.nextInt(100) < 35) {
                int times = 1 + random.nextInt(3);
                Set<String> seen = new HashSet<>();
                for (int a = 0; a < times; a++) {
                    String target = NamePools.pick(random, jurisdiction);
                    if (seen.add(target)) {
                        String role = canLead && random.nextInt(100) < 40 ? "LEADER"
                                : NamePools.pick(random, List.of("DEPUTY", "LIAISON", "MEMBER", "MEMBER", "MEMBER"));
                        assignments.add(new Assignment(target, BASE_YEAR - 7 + random.nextInt(7), role));
                    }
                }
            }
            inspectors.add(new InspectorRow(String.format("P%05d", inspectors.size() + 1), name, male ? "MALE" : "FEMALE",
                    idNumber, bodyRegion, employer, post, rank, residence, seat, hometown, canLead,
                    random.nextInt(100) < 97, postings, skills, absences, relatives, assignments,
                    employerOrganization));
        }
    }

    /**
     * The party organization of a department of a place (中共清江市审计局党组 for 清江市 + 审计局), if the place has one:
     * the employing organization of its inspectors. 纪委监委, 组织部, 巡察办 and 委办公室 are not inspected units of the tree.
     */
    private String departmentOrganization(String place, String region, String department) {
        String unit = place + (levelOf(region) == RegionLevel.PROVINCE ? provincial(department) : department);
        for (String form : List.of("党组", "委员会")) {
            String code = organizationByName.get("中共" + unit + form);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /**
     * Postings with their organizations: the current one at the employer; an earlier one in a township at the
     * township's party committee, in a county at the same department of that county.
     */
    private List<Posting> withOrganizations(List<Posting> postings, String employerOrganization, String department) {
        List<Posting> result = new ArrayList<>();
        for (int k = 0; k < postings.size(); k++) {
            Posting p = postings.get(k);
            String organization;
            if (k == postings.size() - 1) {
                organization = employerOrganization;
            } else if (p.regionCode().length() > 6) {
                organization = townshipOrganization.get(p.regionCode());
            } else {
                organization = departmentOrganization(regionNames.get(p.regionCode()), p.regionCode(), department);
            }
            result.add(new Posting(p.regionCode(), p.post(), p.fromYear(), p.toYear(), organization));
        }
        return result;
    }

    private List<Posting> postings(String seat, String city, String currentPost, int firstYear) {
        List<Posting> postings = new ArrayList<>();
        int year = Math.max(firstYear, BASE_YEAR - 25);
        int earlier = random.nextInt(3);
        for (int p = 0; p < earlier && year < BASE_YEAR - 2; p++) {
            String county = random.nextInt(100) < 80 ? seat : otherCounty(city, seat);
            String where = random.nextBoolean() ? NamePools.pick(random, townshipsOfCounty.get(county)) : county;
            int until = Math.min(BASE_YEAR - 1, year + 2 + random.nextInt(6));
            postings.add(new Posting(where, NamePools.pick(random, List.of("科员", "副镇长", "副主任", "科长", "办公室主任")), year, until));
            year = until;
        }
        postings.add(new Posting(seat, currentPost, year, null));
        return postings;
    }

    private List<Skill> skills(Skill main) {
        EnumSet<Skill> skills = EnumSet.of(main);
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            skills.add(Skill.values()[random.nextInt(Skill.values().length)]);
        }
        return List.copyOf(skills);
    }

    private List<Absence> absences() {
        List<Absence> absences = new ArrayList<>();
        if (random.nextInt(100) < 12) {
            int times = 1 + (random.nextInt(100) < 25 ? 1 : 0);
            for (int i = 0; i < times; i++) {
                LocalDate start = LocalDate.of(BASE_YEAR, 1, 1).plusDays(random.nextInt(700));
                absences.add(new Absence(start, start.plusDays(6 + random.nextInt(55)),
                        NamePools.pick(random, NamePools.ABSENCE_REASONS)));
            }
        }
        return absences;
    }

    private String post(Rank rank) {
        return switch (rank) {
            case DIVISION_CHIEF -> NamePools.pick(random, List.of("局长", "副书记", "主任", "一级调研员"));
            case DEPUTY_DIVISION_CHIEF -> NamePools.pick(random, List.of("副局长", "副主任", "二级调研员", "巡察组组长"));
            case SECTION_CHIEF -> NamePools.pick(random, List.of("科长", "室主任", "一级主任科员", "巡察组副组长"));
            case DEPUTY_SECTION_CHIEF -> NamePools.pick(random, List.of("副科长", "副主任", "三级主任科员"));
            case STAFF -> NamePools.pick(random, List.of("科员", "一级科员", "四级主任科员"));
            case OTHER -> NamePools.pick(random, List.of("工作人员", "专业技术人员"));
        };
    }

    private Rank weighted(int[] weights) {
        int roll = random.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return RANKS[i];
            }
        }
        return Rank.STAFF;
    }

    private String otherCounty(String city, String except) {
        List<String> counties = countiesOfCity.get(city);
        String county;
        do {
            county = NamePools.pick(random, counties);
        } while (county.equals(except) && counties.size() > 1);
        return county;
    }

    private String countyElsewhere(String city) {
        List<String> cities = new ArrayList<>(countiesOfCity.keySet());
        String other;
        do {
            other = NamePools.pick(random, cities);
        } while (other.equals(city) && cities.size() > 1);
        return NamePools.pick(random, countiesOfCity.get(other));
    }

    private static String cityOf(String county) {
        return county.substring(0, 4) + "00";
    }

    private static RegionLevel levelOf(String sixDigits) {
        return sixDigits.endsWith("0000") ? RegionLevel.PROVINCE
                : sixDigits.endsWith("00") ? RegionLevel.CITY : RegionLevel.COUNTY;
    }

    private <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }

    // ---- demo accounts ----------------------------------------------------------------------------------

    /** The eleven city-level accounts named after their roles, and one office per county of the city. */
    private void demoAccounts(String city) {
        String name = regionNames.get(city);
        String target = organizations.stream()
                .filter(o -> o.bodyRegionCode().equals(city) && o.name().equals("中共" + name + "财政局党组"))
                .findFirst().orElseThrow().code();
        accounts.add(account("office", Role.OFFICE, city, null, null));
        accounts.add(account("leader", Role.LEADER, city, null, null));
        accounts.add(account("team-leader", Role.TEAM_LEADER, city, null, null));
        accounts.add(account("team-member", Role.TEAM_MEMBER, city, null, null));
        accounts.add(account("target", Role.TARGET, city, target, name + "财政局"));
        accounts.add(account("discipline", Role.DISCIPLINE, city, null, name + "纪委监委"));
        accounts.add(account("org-dept", Role.ORG_DEPT, city, null, name + "委组织部"));
        accounts.add(account("collaborator", Role.COLLABORATOR, city, null, name + "审计局"));
        // Further departments that answer 巡前通报 (information requests), one account each.
        for (String[] more : MORE_COLLABORATORS) {
            accounts.add(new AccountRow(more[0], Role.COLLABORATOR.label() + "·" + more[1] + "（演示）",
                    Role.COLLABORATOR, city, null, name + more[1]));
        }
        accounts.add(account("sys-admin", Role.SYS_ADMIN, city, null, null));
        accounts.add(account("sec-admin", Role.SEC_ADMIN, city, null, null));
        accounts.add(account("auditor", Role.AUDITOR, city, null, null));
        countyOffices(city);
    }

    /** Username and department (after the city name) of the collaborator accounts beside {@code collaborator}. */
    static final List<String[]> MORE_COLLABORATORS = List.of(
            new String[] {"collaborator-petition", "信访局"},
            new String[] {"collaborator-discipline", "纪委监委信访室"});

    private AccountRow account(String username, Role role, String body, String organization, String department) {
        return new AccountRow(username, role.label() + "（演示）", role, body, organization, department);
    }

    private void countyOffices(String city) {
        for (String county : countiesOfCity.get(city)) {
            accounts.add(new AccountRow("office-" + county, regionNames.get(county) + "委巡察办（演示）", Role.OFFICE,
                    county, null, null));
        }
    }
}
