package org.xuncha.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The public JSON contract of issue 5: {@code POST /api/public/reports} → 201 {@code {"receipt"}};
 * {@code POST /api/public/reports/status} with {@code {"receipt"}} → {@code {"status","reply"}}; 400 with a Chinese
 * message for bad input, 404 for a closed or unknown channel (and an unknown receipt), 429 when throttled. No
 * session, no CSRF token (SecurityConfiguration exempts /api/public/), nothing logged.
 */
@RestController
class PublicReportApiController {

    /** The body of a report. */
    record ReportRequest(String channelCode, Long organizationId, String category, String content, Boolean anonymous,
                         String name, String phone) {
    }

    /** The body of a status lookup. */
    record StatusRequest(String receipt) {
    }

    private final Petitions petitions;
    private final PublicThrottle throttle;

    PublicReportApiController(Petitions petitions, PublicThrottle throttle) {
        this.petitions = petitions;
        this.throttle = throttle;
    }

    @PostMapping("/api/public/reports")
    ResponseEntity<Map<String, String>> report(@RequestBody ReportRequest body, HttpServletRequest request) {
        if (!throttle.allow(request, PublicThrottle.Kind.REPORT)) {
            return message(HttpStatus.TOO_MANY_REQUESTS, PublicReportController.THROTTLED);
        }
        if (body == null) {
            throw new UserInputException("请求内容为空");
        }
        String receipt = petitions.submitReport(body.channelCode(), new ReportDraft(body.organizationId(),
                body.category(), body.content(), body.anonymous(), body.name(), body.phone()), List.of());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("receipt", receipt));
    }

    @PostMapping("/api/public/reports/status")
    ResponseEntity<Map<String, String>> status(@RequestBody StatusRequest body, HttpServletRequest request) {
        if (!throttle.allow(request, PublicThrottle.Kind.STATUS)) {
            return message(HttpStatus.TOO_MANY_REQUESTS, PublicReportController.THROTTLED);
        }
        return petitions.status(body == null ? null : body.receipt()).map(s -> {
            Map<String, String> answer = new HashMap<>();
            answer.put("status", s.status().name());
            answer.put("reply", s.reply());
            return ResponseEntity.ok(answer);
        }).orElseGet(() -> message(HttpStatus.NOT_FOUND, PublicReportController.NOT_FOUND));
    }

    @ExceptionHandler(UserInputException.class)
    ResponseEntity<Map<String, String>> badInput(UserInputException e) {
        return message(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A body that is not the JSON asked for never reaches the limit in the method: it is counted here. */
    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, String>> unreadable(Exception e, HttpServletRequest request) {
        throttle.rejected(request);
        return message(HttpStatus.BAD_REQUEST, "请求格式不正确，应为 JSON");
    }

    @ExceptionHandler(NotFoundInScope.class)
    ResponseEntity<Map<String, String>> notFound(NotFoundInScope e) {
        return message(HttpStatus.NOT_FOUND, Petitions.CHANNEL_CLOSED);
    }

    private static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
