package org.xuncha.documents;

import org.xuncha.platform.web.UserInputException;

/** An uploaded template that was refused; the message is Chinese and nothing was stored. */
class DocumentTemplateRejected extends UserInputException {

    DocumentTemplateRejected(String message) {
        super(message);
    }
}
