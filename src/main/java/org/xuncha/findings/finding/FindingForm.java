package org.xuncha.findings.finding;

import java.util.ArrayList;
import java.util.List;

import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.platform.web.UserInputException;

/** The finding form as posted; codes as text, turned into a {@link FindingDraft} with a Chinese message when unknown. */
class FindingForm {

    private String title;
    private String description;
    private Long organizationId;
    private String scheme;
    private Long headingId;
    private String discipline;
    private List<Long> topicTagIds = new ArrayList<>();
    private String severity;
    private boolean keyProblem;

    static FindingForm of(FindingRepository.Paper paper) {
        FindingForm f = new FindingForm();
        f.title = paper.title();
        f.description = paper.facts();
        f.severity = FindingSeverity.ORDINARY.name();
        return f;
    }

    static FindingForm of(FindingView v) {
        FindingForm f = new FindingForm();
        f.title = v.title();
        f.description = v.description();
        f.organizationId = v.organizationId();
        f.scheme = v.scheme().name();
        f.headingId = v.headingId();
        f.discipline = v.discipline() == null ? null : v.discipline().name();
        f.topicTagIds = new ArrayList<>(v.topics().stream().map(FindingView.Tag::id).toList());
        f.severity = v.severity().name();
        f.keyProblem = v.keyProblem();
        return f;
    }

    FindingDraft draft() {
        return new FindingDraft(title, description, organizationId, parse(HeadingScheme.class, scheme, "问题标题体系"),
                headingId, parse(DisciplineTag.class, discipline, "纪律类别"), topicTagIds,
                parse(FindingSeverity.class, severity, "严重程度"), keyProblem);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的" + what);
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public String getScheme() {
        return scheme;
    }

    public void setScheme(String scheme) {
        this.scheme = scheme;
    }

    public Long getHeadingId() {
        return headingId;
    }

    public void setHeadingId(Long headingId) {
        this.headingId = headingId;
    }

    public String getDiscipline() {
        return discipline;
    }

    public void setDiscipline(String discipline) {
        this.discipline = discipline;
    }

    public List<Long> getTopicTagIds() {
        return topicTagIds;
    }

    public void setTopicTagIds(List<Long> topicTagIds) {
        this.topicTagIds = topicTagIds == null ? new ArrayList<>() : topicTagIds;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public boolean isKeyProblem() {
        return keyProblem;
    }

    public void setKeyProblem(boolean keyProblem) {
        this.keyProblem = keyProblem;
    }
}
