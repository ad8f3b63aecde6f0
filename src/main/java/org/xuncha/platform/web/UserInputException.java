package org.xuncha.platform.web;

/** Bad input from a person or a client: the message is Chinese and shown as it is; nothing was changed. */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }
}
