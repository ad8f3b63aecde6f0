package org.xuncha.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input that reached no form of its own: a {@link UserInputException} (or subclass) becomes 400 and an
 * oversized upload 413, as JSON {@code {"message": "..."}} under /api/ and as the error page with the
 * Chinese message otherwise. Never a stack trace. A controller's own {@code @ExceptionHandler} still wins.
 *
 * <p>A multipart body that cannot be parsed fails in the dispatcher before any controller is chosen (and before a
 * public endpoint's rate limit): it is answered 400 here, counted against the client ({@link RejectedRequests}) and
 * logged in one line without the body or the client.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadInputAdvice {

    private static final Logger log = LoggerFactory.getLogger(BadInputAdvice.class);
    static final String UPLOAD_TOO_LARGE = "上传文件过大";
    static final String MALFORMED_MULTIPART = "请求格式不正确：无法读取上传的表单内容";

    private final List<RejectedRequests> rejections;

    BadInputAdvice(List<RejectedRequests> rejections) {
        this.rejections = List.copyOf(rejections);
    }

    @ExceptionHandler(UserInputException.class)
    Object badInput(UserInputException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, UPLOAD_TOO_LARGE);
    }

    @ExceptionHandler(MultipartException.class)
    Object malformedMultipart(MultipartException e, HttpServletRequest request) {
        rejections.forEach(r -> r.rejected(request));
        log.warn("rejected {} {}: multipart body unreadable", request.getMethod(), path(request));
        return answer(request, HttpStatus.BAD_REQUEST, MALFORMED_MULTIPART);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static Object answer(HttpServletRequest request, HttpStatus status, String message) {
        if (path(request).startsWith("/api/")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", message));
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
