package org.xuncha.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The server's own error answer (in place of Spring Boot's "Whitelabel" page): whatever the container forwards to
 * {@code /error} (an unknown address, a refused request, an exception no handler answered) gets the Chinese error
 * page, or {@code {"message": "..."}} when the failed request was under {@code /api/}. It says what kind of failure it
 * was by its status and never repeats the exception, its message or a stack trace, which stay in the server's log.
 * The page goes through the security filters like any other, so it carries the same headers (CSP, nosniff, frame
 * options, no referrer). {@code /error} requested directly, with no failure behind it, is "not found".
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400
                ? HttpStatus.valueOf(c) : HttpStatus.NOT_FOUND;
        String message = message(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String failed = uri instanceof String u ? u.substring(Math.min(request.getContextPath().length(), u.length()))
                : "";
        if (failed.startsWith("/api/")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }

    /** One Chinese sentence per kind of failure; nothing of the failure itself. */
    static String message(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "请求有误，请检查后重试";
            case 401 -> "请先登录";
            case 403 -> "您无权访问该页面或数据";
            case 404 -> "未找到该页面或数据，请检查地址是否正确";
            case 405 -> "不支持该请求方式";
            case 413 -> "上传文件过大";
            case 415 -> "不支持该请求格式";
            case 429 -> "请求过于频繁，请稍后再试";
            default -> status.is4xxClientError() ? "请求有误，请检查后重试" : "系统出错了，请稍后再试";
        };
    }
}
