package org.xuncha.staffing.solver;

/** The instance cannot be used; the message says why, in Chinese. */
public class InvalidInstanceException extends RuntimeException {

    public InvalidInstanceException(String message) {
        super(message);
    }
}
