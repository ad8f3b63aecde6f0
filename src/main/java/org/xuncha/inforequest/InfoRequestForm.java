package org.xuncha.inforequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Sending requests in bulk: one question, due by one date, to every chosen department about every chosen target of
 * one inspection (departments × targets requests). Bound from the page form and from the API's JSON body.
 */
class InfoRequestForm {

    private Long inspectionId;
    private List<Long> organizationIds = new ArrayList<>();
    private List<String> departments = new ArrayList<>();
    private String question;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueOn;

    public Long getInspectionId() {
        return inspectionId;
    }

    public void setInspectionId(Long inspectionId) {
        this.inspectionId = inspectionId;
    }

    public List<Long> getOrganizationIds() {
        return organizationIds;
    }

    public void setOrganizationIds(List<Long> organizationIds) {
        this.organizationIds = organizationIds == null ? new ArrayList<>() : organizationIds;
    }

    public List<String> getDepartments() {
        return departments;
    }

    public void setDepartments(List<String> departments) {
        this.departments = departments == null ? new ArrayList<>() : departments;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }
}
