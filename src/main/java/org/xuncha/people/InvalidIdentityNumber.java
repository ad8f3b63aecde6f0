package org.xuncha.people;

import org.xuncha.platform.web.UserInputException;

/** An identity number that fails GB 11643-1999; the message is Chinese and never repeats the number. */
class InvalidIdentityNumber extends UserInputException {

    public InvalidIdentityNumber(String message) {
        super(message);
    }
}
