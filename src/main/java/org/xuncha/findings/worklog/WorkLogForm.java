package org.xuncha.findings.worklog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.xuncha.platform.web.UserInputException;

/**
 * The page's form of one log, as text the way the browser sends it; {@link #draft} parses it into a
 * {@link WorkLogDraft} with Chinese messages for what does not parse. Also carries a log back into the edit form.
 */
public class WorkLogForm {

    private String kind;
    private String heldOn;
    private String place;
    private String subject;
    private String talkCategory;
    private List<Long> inspectors = new ArrayList<>();
    private String intervieweeName;
    private String intervieweePost;
    private String notes;
    private String personsCount;
    private String issuedCount;
    private String returnedCount;
    private String period;
    private String pages;
    private String readBy;

    static WorkLogForm of(WorkLogView v, List<Long> present, TalkRecord talk) {
        WorkLogForm f = new WorkLogForm();
        f.kind = v.kind().name();
        f.heldOn = v.heldOn().toString();
        f.place = v.place();
        f.subject = v.subject();
        f.talkCategory = v.talkCategory() == null ? null : v.talkCategory().name();
        f.inspectors = new ArrayList<>(present);
        f.personsCount = str(v.personsCount());
        f.issuedCount = str(v.issuedCount());
        f.returnedCount = str(v.returnedCount());
        f.period = v.period();
        f.pages = str(v.pages());
        f.readBy = v.readBy();
        if (talk != null) {
            f.intervieweeName = talk.intervieweeName();
            f.intervieweePost = talk.intervieweePost();
            f.notes = talk.notes();
        }
        return f;
    }

    WorkLogDraft draft() {
        return new WorkLogDraft(kind(), date(heldOn), trim(place), trim(subject),
                parse(TalkCategory.class, talkCategory, "谈话对象类别"), inspectors, trim(intervieweeName),
                trim(intervieweePost), notes, count(personsCount, "人数"), count(issuedCount, "发放份数"),
                count(returnedCount, "收回份数"), trim(period), count(pages, "页数"), trim(readBy));
    }

    WorkLogKind kind() {
        return parse(WorkLogKind.class, kind, "工作日志类型");
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

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException("日期格式不正确，请按 2026-05-12 的格式填写");
        }
    }

    private static Integer count(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "须是整数");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String str(Integer n) {
        return n == null ? null : n.toString();
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getHeldOn() { return heldOn; }
    public void setHeldOn(String heldOn) { this.heldOn = heldOn; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getTalkCategory() { return talkCategory; }
    public void setTalkCategory(String talkCategory) { this.talkCategory = talkCategory; }
    public List<Long> getInspectors() { return inspectors; }
    public void setInspectors(List<Long> inspectors) { this.inspectors = inspectors == null ? new ArrayList<>() : inspectors; }
    public String getIntervieweeName() { return intervieweeName; }
    public void setIntervieweeName(String intervieweeName) { this.intervieweeName = intervieweeName; }
    public String getIntervieweePost() { return intervieweePost; }
    public void setIntervieweePost(String intervieweePost) { this.intervieweePost = intervieweePost; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getPersonsCount() { return personsCount; }
    public void setPersonsCount(String personsCount) { this.personsCount = personsCount; }
    public String getIssuedCount() { return issuedCount; }
    public void setIssuedCount(String issuedCount) { this.issuedCount = issuedCount; }
    public String getReturnedCount() { return returnedCount; }
    public void setReturnedCount(String returnedCount) { this.returnedCount = returnedCount; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public String getPages() { return pages; }
    public void setPages(String pages) { this.pages = pages; }
    public String getReadBy() { return readBy; }
    public void setReadBy(String readBy) { this.readBy = readBy; }
}
