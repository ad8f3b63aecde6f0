package org.xuncha.platform.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Bad input that reached no form of its own: a {@link UserInputException} (or subclass) becomes 400 and an
 * oversized upload 413, as JSON {@code {"message": "..."}} under /api/ and as the error page with the
 * Chinese message otherwise. Never a stack trace. A controller's own {@code @ExceptionHandler} still wins.
 *
 * <p>Malformed requests (SECURITY.md "Malformed requests") — a parameter that does not convert or is missing, a
 * body that cannot be read, a form that fails its constraints, a multipart body that cannot be parsed (which fails in
 * the dispatcher before any controller is chosen, and so before a public endpoint's rate limit) — are answered 4xx
 * here with a Chinese message, counted against the client ({@link RejectedRequests}) and logged in one WARN line
 * that names the endpoint's pattern and the parameter, never a value, the body or the client. Spring's own WARN
 * line for them ("Resolved [...]", which quotes the value) is switched off in application.properties.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadInputAdvice {

    private static final Logger log = LoggerFactory.getLogger(BadInputAdvice.class);
    static final String UPLOAD_TOO_LARGE = "上传文件过大";
    static final String MALFORMED_MULTIPART = "请求格式不正确：无法读取上传的表单内容";
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/_.-]*");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,64}");

    private final List<RejectedRequests> rejections;

    BadInputAdvice(List<RejectedRequests> rejections) {
        this.rejections = List.copyOf(rejections);
    }

    @ExceptionHandler(UserInputException.class)
    Object badInput(UserInputException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * An address nothing is mapped to: the Chinese "not found" page (JSON under /api/), answered here rather than by
     * the container's error dispatch so that it looks the same everywhere. Neither counted nor logged: it is not
     * malformed, and a scan of addresses would otherwise fill the log.
     */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    Object notFound(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, ErrorPages.message(HttpStatus.NOT_FOUND));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, UPLOAD_TOO_LARGE);
    }

    @ExceptionHandler(MultipartException.class)
    Object malformedMultipart(MultipartException e, HttpServletRequest request) {
        return rejected(request, HttpStatus.BAD_REQUEST, "multipart body unreadable", MALFORMED_MULTIPART);
    }

    /** A parameter or path variable that does not convert to its type (a number, a date, a choice). */
    @ExceptionHandler(TypeMismatchException.class)
    Object typeMismatch(TypeMismatchException e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return rejected(request, HttpStatus.BAD_REQUEST, "parameter " + safe(name) + " malformed",
                "参数“" + safe(name) + "”的格式不正确");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return rejected(request, HttpStatus.BAD_REQUEST, "parameter " + safe(e.getParameterName()) + " missing",
                "缺少参数“" + safe(e.getParameterName()) + "”");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    Object missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return rejected(request, HttpStatus.BAD_REQUEST, "part " + safe(e.getRequestPartName()) + " missing",
                "缺少上传的文件“" + safe(e.getRequestPartName()) + "”");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    Object missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return rejected(request, HttpStatus.BAD_REQUEST, "header " + safe(e.getHeaderName()) + " missing",
                "请求缺少必要的信息");
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    Object unbound(ServletRequestBindingException e, HttpServletRequest request) {
        return rejected(request, HttpStatus.BAD_REQUEST, "request not bindable", "请求缺少必要的信息");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return rejected(request, HttpStatus.BAD_REQUEST, "body unreadable", "请求内容无法读取，请检查格式");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return rejected(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type not supported", "不支持该请求格式");
    }

    /** A form or body that fails its constraints: the constraints' own (Chinese) messages, the fields by name. */
    @ExceptionHandler(BindException.class)
    Object invalid(BindException e, HttpServletRequest request) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> messages = new LinkedHashSet<>();
        for (ObjectError error : e.getAllErrors()) {
            String field = error instanceof FieldError f ? safe(f.getField()) : safe(error.getObjectName());
            fields.add(field);
            boolean conversion = error instanceof FieldError f && f.isBindingFailure();
            messages.add(conversion || error.getDefaultMessage() == null ? "“" + field + "”的格式不正确"
                    : error.getDefaultMessage());
        }
        return rejected(request, HttpStatus.BAD_REQUEST, "fields " + String.join(",", fields) + " invalid",
                String.join("；", messages));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidArguments(HandlerMethodValidationException e, HttpServletRequest request) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> messages = new LinkedHashSet<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = safe(result.getMethodParameter().getParameterName());
            names.add(name);
            result.getResolvableErrors().forEach(error -> messages.add(error.getDefaultMessage() == null
                    ? "参数“" + name + "”不符合要求" : error.getDefaultMessage()));
        });
        return rejected(request, HttpStatus.BAD_REQUEST, "parameters " + String.join(",", names) + " invalid",
                messages.isEmpty() ? "请求参数不符合要求" : String.join("；", messages));
    }

    private Object rejected(HttpServletRequest request, HttpStatus status, String what, String message) {
        rejections.forEach(r -> r.rejected(request));
        log.warn("rejected {} {}: {}", request.getMethod(), endpoint(request), what);
        return answer(request, status, message);
    }

    /**
     * The endpoint as mapped ({@code /admin/accounts/{id}}), so that a value in the path is not logged; before a
     * handler is known, the path itself when it holds only plain characters, else its first segment.
     */
    static String endpoint(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String p) {
            return p;
        }
        String path = path(request);
        if (path.length() <= 100 && PLAIN_PATH.matcher(path).matches()) {
            return path;
        }
        int second = path.indexOf('/', 1);
        return (second > 0 ? path.substring(0, second) : "") + "/…";
    }

    /** A parameter name as the code declares it; a name a client made up (a map key, say) is not repeated. */
    private static String safe(String name) {
        return name != null && PLAIN_NAME.matcher(name).matches() ? name : "?";
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
