package org.xuncha.findings.report;

import java.util.ArrayList;
import java.util.List;

/** The report's form as posted: the two texts and the problems' rows (parallel lists by row). */
class ReportForm {

    private String overall;
    private String suggestions;
    private List<Long> problemId = new ArrayList<>();
    private List<String> description = new ArrayList<>();
    private List<String> analysis = new ArrayList<>();
    private List<String> responsibility = new ArrayList<>();

    List<InspectionReporting.ProblemText> problems() {
        List<InspectionReporting.ProblemText> list = new ArrayList<>();
        for (int i = 0; i < problemId.size(); i++) {
            list.add(new InspectionReporting.ProblemText(problemId.get(i) == null ? -1 : problemId.get(i),
                    at(description, i), at(analysis, i), at(responsibility, i)));
        }
        return list;
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    public String getOverall() {
        return overall;
    }

    public void setOverall(String overall) {
        this.overall = overall;
    }

    public String getSuggestions() {
        return suggestions;
    }

    public void setSuggestions(String suggestions) {
        this.suggestions = suggestions;
    }

    public List<Long> getProblemId() {
        return problemId;
    }

    public void setProblemId(List<Long> problemId) {
        this.problemId = problemId;
    }

    public List<String> getDescription() {
        return description;
    }

    public void setDescription(List<String> description) {
        this.description = description;
    }

    public List<String> getAnalysis() {
        return analysis;
    }

    public void setAnalysis(List<String> analysis) {
        this.analysis = analysis;
    }

    public List<String> getResponsibility() {
        return responsibility;
    }

    public void setResponsibility(List<String> responsibility) {
        this.responsibility = responsibility;
    }
}
