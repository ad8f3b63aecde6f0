package org.xuncha.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RegionCode;
import org.xuncha.common.Role;
import org.xuncha.organization.OrganizationCatalog;
import org.xuncha.people.InspectorDraft.Absence;
import org.xuncha.people.InspectorDraft.AssignmentDraft;
import org.xuncha.people.InspectorDraft.Posting;
import org.xuncha.people.InspectorDraft.RelativeDraft;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The talent pool (巡察人才库). Who sees what (docs/design.md §2): an OFFICE changes the inspectors of its own body
 * and reads those of the bodies below it (a city reads its counties); ORG_DEPT and LEADER read their body;
 * every other role sees nothing. An id outside the caller's scope is answered like a missing one.
 * The identity number is sealed before it reaches the database and shown in full only through
 * {@link #unsealIdentityNumber}, which is audited with its reason.
 */
@Service
public class TalentPool {

    static final String ID_NUMBER_CONTEXT = "inspector.id_number";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9-]{2,32}");
    private static final int MIN_YEAR = 1950;

    private final InspectorRepository inspectors;
    private final FieldCipher cipher;
    private final KeyedHash hashes;
    private final AuditTrail audit;
    private final Clock clock;
    private final OrganizationCatalog organizations;

    TalentPool(InspectorRepository inspectors, FieldCipher cipher, KeyedHash hashes, AuditTrail audit, Clock clock,
               OrganizationCatalog organizations) {
        this.inspectors = inspectors;
        this.cipher = cipher;
        this.hashes = hashes;
        this.audit = audit;
        this.clock = clock;
        this.organizations = organizations;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    ResultPage<InspectorSummary> list(DataScope scope, InspectorSearch search) {
        if (search.workplaceCounty() != null && !search.workplaceCounty().matches("\\d{6}")) {
            throw new UserInputException("工作地县（市、区）应为6位行政区划代码");
        }
        if (search.availableFrom() != null && search.availableTo().isBefore(search.availableFrom())) {
            throw new UserInputException("可用时段的结束日期不能早于开始日期");
        }
        return inspectors.search(search, readable(scope));
    }

    @Transactional(readOnly = true)
    Optional<InspectorDetails> find(DataScope scope, InspectorId id) {
        return inspectors.find(id.value(), readable(scope)).map(this::details);
    }

    /** The inspector, or {@link NotFoundInScope} when it is missing or outside the caller's scope. */
    @Transactional(readOnly = true)
    InspectorDetails get(DataScope scope, InspectorId id) {
        return find(scope, id).orElseThrow(() -> new NotFoundInScope("inspector"));
    }

    /** Exact lookup through the blind index; the number itself is neither stored nor logged. */
    @Transactional(readOnly = true)
    Optional<InspectorDetails> findByIdentityNumber(DataScope scope, String number) {
        IdentityNumber parsed = IdentityNumber.of(number, LocalDate.now(clock));
        return inspectors.findByIndex(blindIndex(parsed), readable(scope)).map(this::details);
    }

    /** Whether the inspector has no absence overlapping the period (both days included). */
    @Transactional(readOnly = true)
    boolean isAvailable(DataScope scope, InspectorId id, LocalDate from, LocalDate to) {
        return load(id, readable(scope)).isAvailable(from, to);
    }

    /** Active inspectors the caller may read, as team formation sees them. */
    @Transactional(readOnly = true)
    public List<InspectorProfile> profiles(DataScope scope) {
        return inspectors.activeIn(readable(scope)).stream().map(TalentPool::profile).toList();
    }

    /** Names of the active inspectors the caller may read, for pages that show profiles (which carry none). */
    @Transactional(readOnly = true)
    public java.util.Map<InspectorId, String> names(DataScope scope) {
        java.util.Map<InspectorId, String> names = new java.util.HashMap<>();
        inspectors.activeIn(readable(scope)).forEach(i -> names.put(InspectorId.of(i.id), i.name));
        return names;
    }

    /**
     * Codes and names of these inspectors, active or not and of any body, for showing the members of a team the
     * caller may already read (the caller checked its scope on the team); ids of no inspector are left out.
     */
    @Transactional(readOnly = true)
    public Map<InspectorId, InspectorLabel> labels(java.util.Collection<InspectorId> ids) {
        Map<InspectorId, InspectorLabel> labels = new HashMap<>();
        inspectors.labels(ids.stream().map(InspectorId::value).toList()).forEach((id, l) ->
                labels.put(InspectorId.of(id), new InspectorLabel(InspectorId.of(id), l[0], l[1])));
        return labels;
    }

    @Transactional(readOnly = true)
    public Optional<InspectorProfile> profile(DataScope scope, InspectorId id) {
        return inspectors.find(id.value(), readable(scope)).map(TalentPool::profile);
    }

    /**
     * The name of the organization a relative or an earlier assignment points at, so the person filling in
     * the form sees which unit a code names. Organization names are not case data; any pool reader may ask.
     */
    @Transactional(readOnly = true)
    Optional<String> organizationName(DataScope scope, String code) {
        if (readable(scope).contains(-1L) || code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<String> byCode = organizations.findByCode(code.strip()).map(OrganizationCatalog.OrganizationRef::name);
        if (byCode.isPresent()) {
            return byCode;
        }
        List<OrganizationCatalog.OrganizationRef> named = organizations.byNames(List.of(code.strip()))
                .getOrDefault(code.strip(), List.of());
        return named.size() == 1 ? Optional.of(named.get(0).name()) : Optional.empty();
    }

    /** Organizations of the tree matching the text, for the form's pickers; nothing for a caller who reads no pool. */
    @Transactional(readOnly = true)
    List<OrganizationCatalog.OrganizationRef> organizationOptions(DataScope scope, String text) {
        if (readable(scope).contains(-1L)) {
            return List.of();
        }
        return organizations.search(text, 20);
    }

    // ---- changing -----------------------------------------------------------------------------------------

    /** Enrols one inspector into the caller's own body; every fault is reported at once, row 0. */
    @Transactional
    public InspectorId enroll(DataScope scope, InspectorDraft draft) {
        return enrollAll(scope, List.of(draft)).get(0);
    }

    /**
     * Enrols a batch all-or-nothing (the Excel import): every row is checked first, against the pool and
     * against the other rows; if any row is bad, {@link InvalidDrafts} lists every fault and nothing is written.
     */
    @Transactional
    List<InspectorId> enrollAll(DataScope scope, List<InspectorDraft> drafts) {
        requireOffice(scope);
        List<DraftProblem> problems = new ArrayList<>();
        List<Inspector> built = new ArrayList<>();
        Map<String, Integer> codesInBatch = new HashMap<>();
        Map<String, Integer> indexesInBatch = new HashMap<>();
        Orgs orgIds = organizationIds(organizationCodes(drafts));
        for (int row = 0; row < drafts.size(); row++) {
            InspectorDraft draft = drafts.get(row);
            Inspector i = new Inspector();
            i.body = scope.body();
            apply(row, draft, i, true, orgIds, problems);
            if (i.code != null) {
                Integer earlier = codesInBatch.putIfAbsent(i.code, row);
                if (earlier != null) {
                    problems.add(new DraftProblem(row, "code", "编号与第" + (earlier + 1) + "行重复"));
                }
            }
            if (i.idNumberIndex != null) {
                Integer earlier = indexesInBatch.putIfAbsent(i.idNumberIndex, row);
                if (earlier != null) {
                    problems.add(new DraftProblem(row, "identityNumber", "身份证号码与第" + (earlier + 1) + "行重复"));
                }
            }
            built.add(i);
        }
        if (drafts.isEmpty()) {
            problems.add(new DraftProblem(0, "rows", "没有要登记的人员"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDrafts(problems);
        }
        List<InspectorId> ids = new ArrayList<>();
        try {
            for (Inspector i : built) {
                if (i.code == null) {
                    i.code = inspectors.nextFreeCode();
                }
                ids.add(InspectorId.of(inspectors.insert(i)));
                audit.success("INSPECTOR_ENROLLED", "Inspector", i.id, "body=" + i.body);
            }
        } catch (DuplicateKeyException e) {
            throw new UserInputException("编号或身份证号码已被他人同时登记，请重试");
        }
        if (drafts.size() > 1) {
            audit.success("INSPECTORS_ENROLLED_IN_BATCH", "InspectionBody", scope.body(), "count=" + ids.size());
        }
        return ids;
    }

    /** Replaces everything the draft carries; a blank identity number keeps the sealed one. */
    @Transactional
    void update(DataScope scope, InspectorId id, int expectedVersion, InspectorDraft draft) {
        Inspector i = loadWritable(scope, id);
        if (i.version != expectedVersion) {
            throw staleVersion();
        }
        List<DraftProblem> problems = new ArrayList<>();
        apply(0, draft, i, false, organizationIds(organizationCodes(List.of(draft))), problems);
        if (!problems.isEmpty()) {
            throw new InvalidDrafts(problems);
        }
        save(scope, i);
        audit.success("INSPECTOR_UPDATED", "Inspector", i.id, "version=" + i.version);
    }

    /** Replaces the periods when the inspector cannot be drawn. */
    @Transactional
    void setAvailability(DataScope scope, InspectorId id, List<Absence> absences) {
        Inspector i = loadWritable(scope, id);
        List<DraftProblem> problems = new ArrayList<>();
        i.absences = new ArrayList<>(checkAbsences(0, absences == null ? List.of() : absences, problems));
        if (!problems.isEmpty()) {
            throw new InvalidDrafts(problems);
        }
        save(scope, i);
        audit.success("INSPECTOR_AVAILABILITY_SET", "Inspector", i.id, "absences=" + i.absences.size());
    }

    @Transactional
    void declareRelative(DataScope scope, InspectorId id, OrganizationId organization, Relation relation) {
        if (organization == null || relation == null) {
            throw new UserInputException("请选择亲属所在单位和亲属关系");
        }
        Inspector i = loadWritable(scope, id);
        if (organizations.find(organization).isEmpty()) {
            throw new UserInputException("亲属所在单位不存在");
        }
        i.declareRelative(organization, relation);
        save(scope, i);
        audit.success("INSPECTOR_RELATIVE_DECLARED", "Inspector", i.id, "organization=" + organization);
    }

    @Transactional
    void deactivate(DataScope scope, InspectorId id, String reason) {
        String why = requireReason(reason, "停用原因");
        Inspector i = loadWritable(scope, id);
        i.deactivate(why);
        save(scope, i);
        audit.success("INSPECTOR_DEACTIVATED", "Inspector", i.id, "version=" + i.version);
    }

    @Transactional
    void reactivate(DataScope scope, InspectorId id, String reason) {
        requireReason(reason, "启用原因");
        Inspector i = loadWritable(scope, id);
        i.reactivate();
        save(scope, i);
        audit.success("INSPECTOR_REACTIVATED", "Inspector", i.id, "version=" + i.version);
    }

    /**
     * Opens the sealed identity number for a person who wrote why (docs/security.md "Sealed fields"). Only the
     * office of the inspector's own body may. The reason is kept in inspector_unsealing, read by that office only;
     * the audit record (UNSEAL) names the field and the unsealing row, never the reason, so the auditor does not
     * read it (issue 11).
     */
    @Transactional
    String unsealIdentityNumber(DataScope scope, InspectorId id, String reason) {
        String why = requireReason(reason, "查看理由");
        Inspector i = loadWritable(scope, id);
        long unsealing = inspectors.insertUnsealing(i.id, "identity_number", why, scope.user() == null ? null
                : scope.user().value(), actorName(), clock.instant().atOffset(java.time.ZoneOffset.UTC));
        audit.success("UNSEAL", "Inspector", i.id, "field=identity_number; unsealing=" + unsealing);
        return cipher.open(ID_NUMBER_CONTEXT, i.sealedIdNumber);
    }

    /** Who opened an inspector's sealed fields, when and why: for the office that may unseal them, else empty. */
    @Transactional(readOnly = true)
    List<InspectorRepository.Unsealing> unsealings(DataScope scope, InspectorId id) {
        return inspectors.unsealings(id.value(), writable(scope));
    }

    private static String actorName() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        String name = auth == null ? null : auth.getName();
        return name == null || name.length() <= 64 ? name : name.substring(0, 64);
    }

    // ---- rules --------------------------------------------------------------------------------------------

    /** People-readable bodies: only OFFICE, ORG_DEPT and LEADER read the pool. */
    private static Set<Long> readable(DataScope scope) {
        return scope.hasAny(Role.OFFICE, Role.ORG_DEPT, Role.LEADER) ? scope.readableBodyIds() : Set.of(-1L);
    }

    private static Set<Long> writable(DataScope scope) {
        return scope.has(Role.OFFICE) ? scope.writableBodyIds() : Set.of(-1L);
    }

    private static void requireOffice(DataScope scope) {
        if (!scope.has(Role.OFFICE) || !scope.canWrite(scope.body())) {
            throw new AccessDeniedException("only an inspection office enrols inspectors");
        }
    }

    private Inspector load(InspectorId id, Set<Long> bodies) {
        return inspectors.find(id.value(), bodies).orElseThrow(() -> new NotFoundInScope("inspector"));
    }

    private Inspector loadWritable(DataScope scope, InspectorId id) {
        return load(id, writable(scope));
    }

    private void save(DataScope scope, Inspector i) {
        try {
            if (!inspectors.update(i, writable(scope))) {
                throw staleVersion();
            }
        } catch (DuplicateKeyException e) {
            throw new UserInputException("编号或身份证号码已被他人同时登记，请重试");
        }
    }

    private static UserInputException staleVersion() {
        return new UserInputException("该人员信息已被他人修改，请刷新后重试");
    }

    private static String requireReason(String reason, String what) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4) {
            throw new UserInputException("请填写" + what + "（至少4个字）");
        }
        if (why.length() > 200) {
            throw new UserInputException(what + "不能超过200个字");
        }
        return why;
    }

    private String blindIndex(IdentityNumber number) {
        return hashes.blindIndex(ID_NUMBER_CONTEXT, number.value());
    }

    private static Set<String> organizationCodes(List<InspectorDraft> drafts) {
        Set<String> codes = new HashSet<>();
        for (InspectorDraft d : drafts) {
            d.relatives().stream().map(RelativeDraft::organizationCode).filter(c -> c != null && !c.isBlank())
                    .map(String::strip).forEach(codes::add);
            d.assignments().stream().map(AssignmentDraft::organizationCode).filter(c -> c != null && !c.isBlank())
                    .map(String::strip).forEach(codes::add);
            d.postings().stream().map(Posting::organization).filter(c -> c != null && !c.isBlank())
                    .map(String::strip).forEach(codes::add);
            if (d.employerOrganization() != null && !d.employerOrganization().isBlank()) {
                codes.add(d.employerOrganization().strip());
            }
        }
        return codes;
    }

    /** Validates the draft field by field into the aggregate; faults go to {@code problems}. */
    private void apply(int row, InspectorDraft d, Inspector i, boolean enrolling, Orgs orgIds,
                       List<DraftProblem> problems) {
        Map<Long, String> orgRegions = orgIds.regions();
        String code = trim(d.code());
        if (code == null) {
            if (!enrolling) {
                problems.add(new DraftProblem(row, "code", "请填写编号"));
            }
            i.code = enrolling ? null : i.code;
        } else {
            code = code.toUpperCase(java.util.Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                problems.add(new DraftProblem(row, "code", "编号只能由2至32位大写字母、数字或连字符组成"));
            } else if (inspectors.codeTaken(code, i.id)) {
                problems.add(new DraftProblem(row, "code", "编号" + code + "已被使用"));
            }
            i.code = code;
        }
        String name = trim(d.name());
        if (name == null) {
            problems.add(new DraftProblem(row, "name", "请填写姓名"));
        } else if (name.length() > 64) {
            problems.add(new DraftProblem(row, "name", "姓名不能超过64个字"));
        }
        i.name = name;

        String number = IdentityNumber.normalize(d.identityNumber());
        if (number == null || number.isEmpty()) {
            if (enrolling) {
                problems.add(new DraftProblem(row, "identityNumber", "请填写身份证号码"));
            }
        } else {
            LocalDate today = LocalDate.now(clock);
            Optional<String> fault = IdentityNumber.problem(number, today);
            if (fault.isPresent()) {
                problems.add(new DraftProblem(row, "identityNumber", fault.get()));
            } else {
                IdentityNumber parsed = IdentityNumber.of(number, today);
                String index = blindIndex(parsed);
                if (inspectors.indexTaken(index, i.id)) {
                    problems.add(new DraftProblem(row, "identityNumber", "该身份证号码已在人才库中登记"));
                }
                i.idNumberIndex = index;
                i.sealedIdNumber = cipher.seal(ID_NUMBER_CONTEXT, parsed.value());
                Gender fromNumber = (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
                if (d.gender() != null && d.gender() != fromNumber) {
                    problems.add(new DraftProblem(row, "gender", "性别与身份证号码不符"));
                }
                if (d.gender() == null) {
                    i.gender = fromNumber;
                }
            }
        }
        if (d.gender() != null) {
            i.gender = d.gender();
        }
        i.employer = limited(row, "employer", "工作单位", d.employer(), 200, problems);
        i.employerOrganization = trim(d.employerOrganization()) == null ? null
                : orgId(organizationByCodeOrName(row, "employerOrganization", "工作单位（组织机构）",
                        d.employerOrganization(), orgIds, problems));
        i.post = limited(row, "post", "职务", d.post(), 100, problems);
        if (d.rank() == null) {
            problems.add(new DraftProblem(row, "rank", "请选择职级"));
        }
        i.rank = d.rank();
        i.residenceCode = region(row, "residenceCode", "居住地", d.residenceCode(), problems);
        i.workplaceCode = region(row, "workplaceCode", "工作地", d.workplaceCode(), problems);
        i.hometownCode = region(row, "hometownCode", "成长地（籍贯）", d.hometownCode(), problems);
        i.canLead = d.canLead();
        i.skills = d.skills().isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(d.skills());

        List<Inspector.Held> postings = new ArrayList<>();
        for (int k = 0; k < d.postings().size(); k++) {
            Posting p = d.postings().get(k);
            String field = "postings[" + k + "]";
            Long organization = trim(p.organization()) == null ? null
                    : organizationByCodeOrName(row, field + ".organization", "任职单位", p.organization(), orgIds,
                            problems);
            String region;
            if (trim(p.regionCode()) == null && trim(p.organization()) != null) {
                // a posting to an organization lies in the organization's division
                region = organization == null ? null : orgRegions.get(organization);
            } else {
                region = region(row, field + ".regionCode", "任职地", p.regionCode(), problems);
            }
            String post = limited(row, field + ".post", "任职职务", p.post(), 100, problems);
            year(row, field + ".fromYear", "任职起始年份", p.fromYear(), false, problems);
            year(row, field + ".toYear", "任职结束年份", p.toYear(), false, problems);
            if (p.fromYear() != null && p.toYear() != null && p.toYear() < p.fromYear()) {
                problems.add(new DraftProblem(row, field + ".toYear", "任职结束年份不能早于起始年份"));
            }
            postings.add(new Inspector.Held(region, orgId(organization), post, p.fromYear(), p.toYear()));
        }
        i.postings = postings;
        i.absences = new ArrayList<>(checkAbsences(row, d.absences(), problems));

        List<Inspector.Relative> relatives = new ArrayList<>();
        for (int k = 0; k < d.relatives().size(); k++) {
            RelativeDraft r = d.relatives().get(k);
            String field = "relatives[" + k + "]";
            Long org = organization(row, field + ".organizationCode", "亲属所在单位", r.organizationCode(), orgIds, problems);
            if (r.relation() == null) {
                problems.add(new DraftProblem(row, field + ".relation", "请选择亲属关系"));
            }
            if (org != null && r.relation() != null) {
                Inspector.Relative relative = new Inspector.Relative(OrganizationId.of(org), r.relation());
                if (relatives.contains(relative)) {
                    problems.add(new DraftProblem(row, field + ".organizationCode", "该亲属关系重复申报"));
                } else {
                    relatives.add(relative);
                }
            }
        }
        i.relatives = relatives;

        List<Inspector.Assignment> assignments = new ArrayList<>();
        for (int k = 0; k < d.assignments().size(); k++) {
            AssignmentDraft a = d.assignments().get(k);
            String field = "assignments[" + k + "]";
            Long org = organization(row, field + ".organizationCode", "曾巡察单位", a.organizationCode(), orgIds, problems);
            boolean yearOk = year(row, field + ".assignedYear", "巡察年份", a.assignedYear(), true, problems);
            if (a.teamRole() == null) {
                problems.add(new DraftProblem(row, field + ".teamRole", "请选择在组内的角色"));
            }
            if (org != null && yearOk && a.teamRole() != null) {
                assignments.add(new Inspector.Assignment(OrganizationId.of(org), a.assignedYear(), a.teamRole()));
            }
        }
        i.assignments = assignments;
    }

    private static List<Absence> checkAbsences(int row, List<Absence> absences, List<DraftProblem> problems) {
        List<Absence> result = new ArrayList<>();
        for (int k = 0; k < absences.size(); k++) {
            Absence a = absences.get(k);
            String field = "absences[" + k + "]";
            if (a.startsOn() == null || a.endsOn() == null) {
                problems.add(new DraftProblem(row, field + ".startsOn", "请填写不可抽调时段的起止日期"));
                continue;
            }
            if (a.endsOn().isBefore(a.startsOn())) {
                problems.add(new DraftProblem(row, field + ".endsOn", "不可抽调时段的结束日期不能早于开始日期"));
                continue;
            }
            String reason = trim(a.reason());
            if (reason != null && reason.length() > 100) {
                problems.add(new DraftProblem(row, field + ".reason", "不可抽调原因不能超过100个字"));
            }
            result.add(new Absence(a.startsOn(), a.endsOn(), reason));
        }
        return result;
    }

    private static String region(int row, String field, String label, String raw, List<DraftProblem> problems) {
        String code = trim(raw);
        if (code == null) {
            problems.add(new DraftProblem(row, field, "请填写" + label + "行政区划代码"));
        } else if (!RegionCode.isValid(code)) {
            problems.add(new DraftProblem(row, field, label + "应为6位、9位或12位行政区划代码"));
        }
        return code;
    }

    private boolean year(int row, String field, String label, Integer value, boolean required,
                                List<DraftProblem> problems) {
        if (value == null) {
            if (required) {
                problems.add(new DraftProblem(row, field, "请填写" + label));
            }
            return !required;
        }
        int max = LocalDate.now(clock).getYear() + 1;
        if (value < MIN_YEAR || value > max) {
            problems.add(new DraftProblem(row, field, label + "应在" + MIN_YEAR + "至" + max + "之间"));
            return false;
        }
        return true;
    }

    private static Long organization(int row, String field, String label, String raw, Orgs orgs,
                                     List<DraftProblem> problems) {
        Map<String, Long> ids = orgs.codes();
        String code = trim(raw);
        if (code == null) {
            problems.add(new DraftProblem(row, field, "请填写" + label + "的组织代码"));
            return null;
        }
        Long id = ids.get(code);
        if (id == null) {
            problems.add(new DraftProblem(row, field, label + "的组织代码" + code + "不存在"));
        }
        return id;
    }

    private static String limited(int row, String field, String label, String raw, int max, List<DraftProblem> problems) {
        String value = trim(raw);
        if (value != null && value.length() > max) {
            problems.add(new DraftProblem(row, field, label + "不能超过" + max + "个字"));
        }
        return value;
    }

    /**
     * Organizations a batch names: ids by code and, for what is not a code, by full name (a name several
     * organizations share is ambiguous), and the division of each, for postings given by organization only.
     */
    private record Orgs(Map<String, Long> codes, Map<String, Long> names, Set<String> ambiguous,
                        Map<Long, String> regions) {
    }

    /** Organizations by code (active or not), and by full name for the values that are no code. */
    private Orgs organizationIds(java.util.Collection<String> codesOrNames) {
        Map<String, Long> ids = new HashMap<>();
        organizations.byCodes(codesOrNames).forEach((code, o) -> ids.put(code, o.id().value()));
        Map<String, Long> names = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        List<String> rest = codesOrNames.stream().filter(c -> !ids.containsKey(c)).toList();
        organizations.byNames(rest).forEach((name, found) -> {
            if (found.size() == 1) {
                names.put(name, found.get(0).id().value());
            } else {
                ambiguous.add(name);
            }
        });
        Set<OrganizationId> all = new HashSet<>();
        ids.values().forEach(id -> all.add(OrganizationId.of(id)));
        names.values().forEach(id -> all.add(OrganizationId.of(id)));
        Map<Long, String> regions = new HashMap<>();
        organizations.regionCodes(all).forEach((id, region) -> regions.put(id.value(), region));
        return new Orgs(ids, names, ambiguous, regions);
    }

    /** An organization named by its code or its full name; a fault when neither names exactly one. */
    private static Long organizationByCodeOrName(int row, String field, String label, String raw, Orgs orgs,
                                                 List<DraftProblem> problems) {
        String value = trim(raw);
        if (value == null) {
            return null;
        }
        Long id = orgs.codes().get(value);
        if (id == null) {
            id = orgs.names().get(value);
        }
        if (id == null) {
            problems.add(new DraftProblem(row, field, orgs.ambiguous().contains(value)
                    ? label + "“" + value + "”对应多个组织，请填写组织代码"
                    : label + "“" + value + "”不是组织机构中的组织代码或名称"));
        }
        return id;
    }

    private static OrganizationId orgId(Long id) {
        return id == null ? null : OrganizationId.of(id);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- read models --------------------------------------------------------------------------------------

    private InspectorDetails details(Inspector i) {
        Set<Long> orgs = new HashSet<>();
        i.relatives.forEach(r -> orgs.add(r.organization().value()));
        i.assignments.forEach(a -> orgs.add(a.organization().value()));
        i.postings.stream().filter(p -> p.organization() != null).forEach(p -> orgs.add(p.organization().value()));
        if (i.employerOrganization != null) {
            orgs.add(i.employerOrganization.value());
        }
        Map<Long, String[]> labels = new HashMap<>();
        organizations.byIds(orgs.stream().map(OrganizationId::of).toList())
                .forEach((id, o) -> labels.put(id.value(), new String[] {o.code(), o.name()}));
        String[] none = {"", ""};
        java.util.function.Function<OrganizationId, InspectorDetails.Organization> shown = id -> {
            if (id == null) {
                return null;
            }
            String[] l = labels.getOrDefault(id.value(), none);
            return new InspectorDetails.Organization(id, l[0], l[1]);
        };
        Map<String, String> regionNames = organizations.regionNames(
                i.postings.stream().map(Inspector.Held::regionCode).toList());
        List<InspectorDetails.Posting> postings = i.postings.stream().map(p -> new InspectorDetails.Posting(
                p.regionCode(), regionNames.get(p.regionCode()), shown.apply(p.organization()), p.post(),
                p.fromYear(), p.toYear())).toList();
        return new InspectorDetails(InspectorId.of(i.id), i.code, i.name, i.gender,
                IdentityNumber.mask(cipher.open(ID_NUMBER_CONTEXT, i.sealedIdNumber)), i.body, i.employer,
                shown.apply(i.employerOrganization), i.post,
                i.rank, i.residenceCode, i.workplaceCode, i.hometownCode, i.canLead, i.active, i.inactiveReason,
                Set.copyOf(i.skills), postings, List.copyOf(i.absences),
                i.relatives.stream().map(r -> {
                    String[] l = labels.getOrDefault(r.organization().value(), none);
                    return new InspectorDetails.Relative(r.organization(), l[0], l[1], r.relation());
                }).toList(),
                i.assignments.stream().map(a -> {
                    String[] l = labels.getOrDefault(a.organization().value(), none);
                    return new InspectorDetails.Assignment(a.organization(), l[0], l[1], a.assignedYear(), a.teamRole());
                }).toList(),
                i.version);
    }

    /**
     * Whether a posting's division counts as a 任职地 for 四回避. A posting at an organization of the city or province
     * itself (市直, whose division is the city's code) lies in no county, like a 市直 target: its division would touch
     * every county of the city, so only the organization rule reads it.
     */
    private static boolean placeOfPosting(Inspector.Held p) {
        return p.organization() == null
                || RegionCode.of(p.regionCode()).level().ordinal() >= org.xuncha.common.RegionLevel.COUNTY.ordinal();
    }

    private static InspectorProfile profile(Inspector i) {
        return new InspectorProfile(InspectorId.of(i.id), i.code, i.body, i.rank, i.canLead,
                RegionCode.of(i.residenceCode), RegionCode.of(i.workplaceCode), RegionCode.of(i.hometownCode),
                i.postings.stream().filter(TalentPool::placeOfPosting).map(p -> RegionCode.of(p.regionCode())).toList(),
                Set.copyOf(i.skills), List.copyOf(i.absences),
                i.relatives.stream().map(Inspector.Relative::organization).collect(Collectors.toUnmodifiableSet()),
                i.assignments.stream().map(Inspector.Assignment::organization).collect(Collectors.toUnmodifiableSet()),
                i.employerOrganization,
                i.postings.stream().filter(p -> p.organization() != null)
                        .map(p -> new InspectorProfile.PostedAt(p.organization(), p.fromYear(), p.toYear())).toList(),
                i.relatives.stream().map(r -> new InspectorProfile.RelativeIn(r.organization(), r.relation())).toList());
    }
}
