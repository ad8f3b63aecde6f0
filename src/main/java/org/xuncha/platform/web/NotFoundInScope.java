package org.xuncha.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when an id from a request names nothing the caller's scope contains. A denied and a missing object
 * answer the same way (404), so ids cannot be probed.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundInScope extends RuntimeException {

    public NotFoundInScope(String what) {
        super(what);
    }
}
