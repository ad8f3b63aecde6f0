package org.xuncha.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input that reached no form of its own: a {@link UserInputException} (or subclass) becomes 400 and an
 * oversized upload 413, as JSON {@code {"message": "..."}} under /api/ and as the error page with the
 * Chinese message otherwise. Never a stack trace. A controller's own {@code @ExceptionHandler} still wins.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadInputAdvice {

    static final String UPLOAD_TOO_LARGE = "上传文件过大";

    @ExceptionHandler(UserInputException.class)
    Object badInput(UserInputException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, UPLOAD_TOO_LARGE);
    }

    private static Object answer(HttpServletRequest request, HttpStatus status, String message) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("message", message));
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
