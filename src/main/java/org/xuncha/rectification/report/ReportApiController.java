package org.xuncha.rectification.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * The two reports after the feedback as JSON beside the pages, with the same roles, scope and rules: the list, opening
 * a report (TARGET), editing, the 主要负责人's signature with the password again, submitting, and the office's
 * receipt or return with reasons. {@code version} is the row version as read; a stale one is refused (400) and
 * nothing changes. A report outside the caller's scope is 404 before anything else is looked at. Every action
 * answers with the report as it now stands.
 */
@RestController
class ReportApiController {

    private final RectificationReports reports;

    ReportApiController(RectificationReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/rectification/reports")
    @PreAuthorize(ReportController.READERS)
    Map<String, Object> list(@RequestParam(required = false) Integer page, DataScope scope) {
        ResultPage<RectificationReports.Entry> result = reports.list(scope, ResultPage.clampPage(page),
                ResultPage.DEFAULT_SIZE);
        List<Map<String, Object>> items = result.items().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("feedbackId", e.feedback().id());
            row.put("inspectionId", e.feedback().inspectionId());
            row.put("organizationId", e.feedback().organizationId());
            row.put("organizationName", e.feedback().organizationName());
            row.put("teamName", e.feedback().teamName());
            row.put("deliveredOn", e.feedback().deliveredOn().toString());
            row.put("reportDueOn", e.feedback().reportDueOn().toString());
            Map<String, Object> byKind = new LinkedHashMap<>();
            for (RectificationReportKind kind : RectificationReportKind.values()) {
                RectificationReportRepository.Report r = e.reports().get(kind);
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("label", kind.label());
                k.put("id", r == null ? null : r.id());
                k.put("status", r == null ? null : r.status().name());
                k.put("statusLabel", r == null ? "未起草" : r.status().label());
                k.put("late", e.lateOn(reports.today(), kind));
                byKind.put(kind.name(), k);
            }
            row.put("reports", byKind);
            return row;
        }).toList();
        return Map.of("items", items, "page", result.page(), "size", result.size(), "total", result.total());
    }

    record OpenRequest(Long feedbackId, String kind) {
    }

    @PostMapping("/api/rectification/reports")
    @PreAuthorize(ReportController.TARGET)
    Map<String, Object> open(@RequestBody(required = false) OpenRequest r, DataScope scope) {
        if (r == null || r.feedbackId() == null) {
            throw new UserInputException("请选择反馈意见");
        }
        return json(reports.open(scope, r.feedbackId(), r.kind() == null ? null
                : RectificationReportKind.parse(r.kind()).orElse(null)), scope);
    }

    /** A report: the same reading rule as the page (404 outside the caller's scope). */
    @GetMapping("/api/rectification/reports/{id}")
    @PreAuthorize(ReportController.READERS)
    Map<String, Object> json(@PathVariable long id, DataScope scope) {
        RectificationReports.ReportPage p = reports.page(scope, id);
        RectificationReportRepository.Report r = p.report();
        return Map.ofEntries(Map.entry("id", r.id()), Map.entry("feedbackId", r.feedbackId()),
                Map.entry("kind", r.kind().name()), Map.entry("kindLabel", r.kind().label()),
                Map.entry("status", r.status().name()), Map.entry("statusLabel", r.status().label()),
                Map.entry("dueOn", r.dueOn().toString()), Map.entry("late", p.late()), Map.entry("title", r.title()),
                Map.entry("content", r.content()), Map.entry("signed", r.signed()),
                Map.entry("signedPost", r.signedPost() == null ? "" : r.signedPost()),
                Map.entry("returnedReason", r.returnedReason() == null ? "" : r.returnedReason()),
                Map.entry("version", r.rowVersion()),
                Map.entry("steps", p.steps().stream().map(s -> Map.of("round", s.round(), "action", s.action().name(),
                        "by", s.byName(), "at", s.at().toString())).toList()));
    }

    record EditRequest(Integer version, String title, String content) {
    }

    @PostMapping("/api/rectification/reports/{id}/edit")
    @PreAuthorize(ReportController.TARGET)
    Map<String, Object> edit(@PathVariable long id, @RequestBody(required = false) EditRequest r, DataScope scope) {
        reports.page(scope, id);
        reports.edit(scope, id, version(r == null ? null : r.version()), r == null ? null : r.title(),
                r == null ? null : r.content());
        return json(id, scope);
    }

    record SignRequest(Integer version, String password, String post) {
    }

    @PostMapping("/api/rectification/reports/{id}/sign")
    @PreAuthorize(ReportController.TARGET)
    Map<String, Object> sign(@PathVariable long id, @RequestBody(required = false) SignRequest r, DataScope scope) {
        reports.page(scope, id);
        reports.sign(scope, id, version(r == null ? null : r.version()), r == null ? null : r.password(),
                r == null ? null : r.post());
        return json(id, scope);
    }

    record VersionRequest(Integer version) {
    }

    @PostMapping("/api/rectification/reports/{id}/submit")
    @PreAuthorize(ReportController.TARGET)
    Map<String, Object> submit(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                DataScope scope) {
        reports.page(scope, id);
        reports.submit(scope, id, version(r == null ? null : r.version()));
        return json(id, scope);
    }

    @PostMapping("/api/rectification/reports/{id}/receive")
    @PreAuthorize(ReportController.OFFICE)
    Map<String, Object> receive(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                DataScope scope) {
        reports.page(scope, id);
        reports.receive(scope, id, version(r == null ? null : r.version()));
        return json(id, scope);
    }

    record ReturnRequest(Integer version, String reason) {
    }

    @PostMapping("/api/rectification/reports/{id}/return")
    @PreAuthorize(ReportController.OFFICE)
    Map<String, Object> giveBack(@PathVariable long id, @RequestBody(required = false) ReturnRequest r,
                                DataScope scope) {
        reports.page(scope, id);
        reports.giveBack(scope, id, version(r == null ? null : r.version()), r == null ? null : r.reason());
        return json(id, scope);
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new UserInputException("请提供读取时的版本号（version）");
        }
        return version;
    }
}
