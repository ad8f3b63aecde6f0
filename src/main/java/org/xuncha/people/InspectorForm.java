package org.xuncha.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.xuncha.people.InspectorDraft.Absence;
import org.xuncha.people.InspectorDraft.AssignmentDraft;
import org.xuncha.people.InspectorDraft.Posting;
import org.xuncha.people.InspectorDraft.RelativeDraft;

/**
 * The create/edit form of an inspector, never the entity. Repeating sections (postings, absences, relatives,
 * assignments) come with blank rows to fill in; blank rows are dropped, and the positions of the kept rows
 * are remembered so that a fault of the n-th kept row is shown on the row the person typed it in.
 */
class InspectorForm {

    static final int BLANK_ROWS = 2;

    private String code;
    private String name;
    private Gender gender;
    private String identityNumber;
    private String employer;
    /** 工作单位 in the organization tree, by code (or full name), chosen with the picker. */
    private String employerOrganization;
    /** Shown beside the picker; read-only (no setter), so a request cannot bind it. */
    private String employerOrganizationName;
    private String post;
    private Rank rank;
    private String residenceCode;
    private String workplaceCode;
    private String hometownCode;
    private boolean canLead;
    private Set<Skill> skills = EnumSet.noneOf(Skill.class);
    private List<PostingRow> postings = new ArrayList<>();
    private List<AbsenceRow> absences = new ArrayList<>();
    private List<RelativeRow> relatives = new ArrayList<>();
    private List<AssignmentRow> assignments = new ArrayList<>();
    private int version;

    private final List<Integer> keptPostings = new ArrayList<>();
    private final List<Integer> keptAbsences = new ArrayList<>();
    private final List<Integer> keptRelatives = new ArrayList<>();
    private final List<Integer> keptAssignments = new ArrayList<>();

    static InspectorForm blank() {
        InspectorForm f = new InspectorForm();
        f.rank = Rank.SECTION_CHIEF;
        f.padRows();
        return f;
    }

    static InspectorForm of(InspectorDetails d) {
        InspectorForm f = new InspectorForm();
        f.code = d.code();
        f.name = d.name();
        f.gender = d.gender();
        f.employer = d.employer();
        if (d.employerOrganization() != null) {
            f.employerOrganization = d.employerOrganization().code();
            f.employerOrganizationName = d.employerOrganization().name();
        }
        f.post = d.post();
        f.rank = d.rank();
        f.residenceCode = d.residenceCode();
        f.workplaceCode = d.workplaceCode();
        f.hometownCode = d.hometownCode();
        f.canLead = d.canLead();
        f.skills = d.skills().isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(d.skills());
        d.postings().forEach(p -> {
            PostingRow row = new PostingRow(p.organization() == null ? p.regionCode() : null, p.post(), p.fromYear(),
                    p.toYear());
            if (p.organization() != null) {
                row.organization = p.organization().code();
                row.organizationName = p.organization().name();
            }
            f.postings.add(row);
        });
        d.absences().forEach(a -> f.absences.add(new AbsenceRow(a.startsOn(), a.endsOn(), a.reason())));
        d.relatives().forEach(r -> {
            RelativeRow row = new RelativeRow(r.organizationCode(), r.relation());
            row.organizationName = r.organizationName();
            f.relatives.add(row);
        });
        d.assignments().forEach(a -> {
            AssignmentRow row = new AssignmentRow(a.organizationCode(), a.assignedYear(), a.teamRole());
            row.organizationName = a.organizationName();
            f.assignments.add(row);
        });
        f.version = d.version();
        f.padRows();
        return f;
    }

    /** Adds blank rows to each repeating section, so a person can add entries without script. */
    void padRows() {
        for (int k = 0; k < BLANK_ROWS; k++) {
            postings.add(new PostingRow());
            absences.add(new AbsenceRow());
            relatives.add(new RelativeRow());
            assignments.add(new AssignmentRow());
        }
    }

    InspectorDraft toDraft() {
        keptPostings.clear();
        keptAbsences.clear();
        keptRelatives.clear();
        keptAssignments.clear();
        List<Posting> p = new ArrayList<>();
        for (int k = 0; k < postings.size(); k++) {
            PostingRow r = postings.get(k);
            if (!r.isBlank()) {
                keptPostings.add(k);
                p.add(new Posting(r.regionCode, r.post, r.fromYear, r.toYear, r.organization));
            }
        }
        List<Absence> a = new ArrayList<>();
        for (int k = 0; k < absences.size(); k++) {
            AbsenceRow r = absences.get(k);
            if (!r.isBlank()) {
                keptAbsences.add(k);
                a.add(new Absence(r.startsOn, r.endsOn, r.reason));
            }
        }
        List<RelativeDraft> rel = new ArrayList<>();
        for (int k = 0; k < relatives.size(); k++) {
            RelativeRow r = relatives.get(k);
            if (!r.isBlank()) {
                keptRelatives.add(k);
                rel.add(new RelativeDraft(r.organizationCode, r.relation));
            }
        }
        List<AssignmentDraft> as = new ArrayList<>();
        for (int k = 0; k < assignments.size(); k++) {
            AssignmentRow r = assignments.get(k);
            if (!r.isBlank()) {
                keptAssignments.add(k);
                as.add(new AssignmentDraft(r.organizationCode, r.assignedYear, r.teamRole));
            }
        }
        return new InspectorDraft(code, name, gender, identityNumber, employer, post, rank, residenceCode,
                workplaceCode, hometownCode, canLead, skills, p, a, rel, as, employerOrganization);
    }

    /** Maps a draft field such as {@code postings[0].regionCode} to the form row it came from. */
    String formField(String draftField) {
        int open = draftField.indexOf('[');
        int close = draftField.indexOf(']');
        if (open < 0 || close < open) {
            return draftField;
        }
        String section = draftField.substring(0, open);
        int k = Integer.parseInt(draftField.substring(open + 1, close));
        List<Integer> kept = switch (section) {
            case "postings" -> keptPostings;
            case "absences" -> keptAbsences;
            case "relatives" -> keptRelatives;
            case "assignments" -> keptAssignments;
            default -> List.of();
        };
        int row = k < kept.size() ? kept.get(k) : k;
        return section + "[" + row + "]" + draftField.substring(close + 1);
    }

    public static class PostingRow {
        private String regionCode;
        /** 任职单位 by code (or full name); with it the division may stay blank. */
        private String organization;
        /** Shown beside the code; read-only (no setter), so a request cannot bind it. */
        private String organizationName;
        private String post;
        private Integer fromYear;
        private Integer toYear;

        public PostingRow() {
        }

        PostingRow(String regionCode, String post, Integer fromYear, Integer toYear) {
            this.regionCode = regionCode;
            this.post = post;
            this.fromYear = fromYear;
            this.toYear = toYear;
        }

        boolean isBlank() {
            return blank(regionCode) && blank(organization) && blank(post) && fromYear == null && toYear == null;
        }

        public String getOrganization() { return organization; }
        public void setOrganization(String organization) { this.organization = organization; }
        public String getOrganizationName() { return organizationName; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
        public String getPost() { return post; }
        public void setPost(String post) { this.post = post; }
        public Integer getFromYear() { return fromYear; }
        public void setFromYear(Integer fromYear) { this.fromYear = fromYear; }
        public Integer getToYear() { return toYear; }
        public void setToYear(Integer toYear) { this.toYear = toYear; }
    }

    public static class AbsenceRow {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate startsOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate endsOn;
        private String reason;

        public AbsenceRow() {
        }

        AbsenceRow(LocalDate startsOn, LocalDate endsOn, String reason) {
            this.startsOn = startsOn;
            this.endsOn = endsOn;
            this.reason = reason;
        }

        boolean isBlank() {
            return startsOn == null && endsOn == null && blank(reason);
        }

        public LocalDate getStartsOn() { return startsOn; }
        public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
        public LocalDate getEndsOn() { return endsOn; }
        public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    public static class RelativeRow {
        private String organizationCode;
        private Relation relation;
        /** Shown beside the code; read-only (no setter), so a request cannot bind it. */
        private String organizationName;

        public RelativeRow() {
        }

        RelativeRow(String organizationCode, Relation relation) {
            this.organizationCode = organizationCode;
            this.relation = relation;
        }

        boolean isBlank() {
            return blank(organizationCode) && relation == null;
        }

        public String getOrganizationCode() { return organizationCode; }
        public void setOrganizationCode(String organizationCode) { this.organizationCode = organizationCode; }
        public Relation getRelation() { return relation; }
        public String getOrganizationName() { return organizationName; }
        public void setRelation(Relation relation) { this.relation = relation; }
    }

    public static class AssignmentRow {
        private String organizationCode;
        private Integer assignedYear;
        private TeamRole teamRole;
        /** Shown beside the code; read-only (no setter), so a request cannot bind it. */
        private String organizationName;

        public AssignmentRow() {
        }

        AssignmentRow(String organizationCode, Integer assignedYear, TeamRole teamRole) {
            this.organizationCode = organizationCode;
            this.assignedYear = assignedYear;
            this.teamRole = teamRole;
        }

        boolean isBlank() {
            return blank(organizationCode) && assignedYear == null && teamRole == null;
        }

        public String getOrganizationCode() { return organizationCode; }
        public void setOrganizationCode(String organizationCode) { this.organizationCode = organizationCode; }
        public Integer getAssignedYear() { return assignedYear; }
        public void setAssignedYear(Integer assignedYear) { this.assignedYear = assignedYear; }
        public TeamRole getTeamRole() { return teamRole; }
        public String getOrganizationName() { return organizationName; }
        public void setTeamRole(TeamRole teamRole) { this.teamRole = teamRole; }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Gender getGender() { return gender; }
    public void setGender(Gender gender) { this.gender = gender; }
    public String getIdentityNumber() { return identityNumber; }
    public void setIdentityNumber(String identityNumber) { this.identityNumber = identityNumber; }
    public String getEmployer() { return employer; }
    public void setEmployer(String employer) { this.employer = employer; }
    public String getEmployerOrganization() { return employerOrganization; }
    public void setEmployerOrganization(String employerOrganization) { this.employerOrganization = employerOrganization; }
    public String getEmployerOrganizationName() { return employerOrganizationName; }
    public String getPost() { return post; }
    public void setPost(String post) { this.post = post; }
    public Rank getRank() { return rank; }
    public void setRank(Rank rank) { this.rank = rank; }
    public String getResidenceCode() { return residenceCode; }
    public void setResidenceCode(String residenceCode) { this.residenceCode = residenceCode; }
    public String getWorkplaceCode() { return workplaceCode; }
    public void setWorkplaceCode(String workplaceCode) { this.workplaceCode = workplaceCode; }
    public String getHometownCode() { return hometownCode; }
    public void setHometownCode(String hometownCode) { this.hometownCode = hometownCode; }
    public boolean isCanLead() { return canLead; }
    public void setCanLead(boolean canLead) { this.canLead = canLead; }
    public Set<Skill> getSkills() { return skills; }
    public void setSkills(Set<Skill> skills) { this.skills = skills == null ? EnumSet.noneOf(Skill.class) : skills; }
    public List<PostingRow> getPostings() { return postings; }
    public void setPostings(List<PostingRow> postings) { this.postings = postings; }
    public List<AbsenceRow> getAbsences() { return absences; }
    public void setAbsences(List<AbsenceRow> absences) { this.absences = absences; }
    public List<RelativeRow> getRelatives() { return relatives; }
    public void setRelatives(List<RelativeRow> relatives) { this.relatives = relatives; }
    public List<AssignmentRow> getAssignments() { return assignments; }
    public void setAssignments(List<AssignmentRow> assignments) { this.assignments = assignments; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
