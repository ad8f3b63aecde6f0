package org.xuncha.platform.upload;

import org.xuncha.platform.web.UserInputException;

/** A refused upload: the message is Chinese and names the file; nothing was kept. */
public class UploadRefused extends UserInputException {

    public UploadRefused(String message) {
        super(message);
    }
}
