package org.xuncha.platform.excel;

import org.xuncha.platform.web.UserInputException;

/**
 * An uploaded workbook that was refused before or while reading it: not an .xlsx, too big, too many rows,
 * a suspected zip bomb, a DTD or external entity. The message is Chinese and shown as it is; nothing was
 * written. Being a {@link UserInputException}, it is handled wherever bad input is handled.
 */
public class ExcelFileRejected extends UserInputException {

    public ExcelFileRejected(String message) {
        super(message);
    }
}
