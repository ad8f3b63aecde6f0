package org.xuncha.rectification.feedback;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.xuncha.platform.web.UserInputException;

/** Parsing of what the pages post (texts as typed) into the services' values, with Chinese messages. */
final class FeedbackForms {

    private FeedbackForms() {
    }

    static int version(String raw) {
        if (raw == null || raw.isBlank()) {
            return -1;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("版本应为整数");
        }
    }

    static LocalDate date(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException(what + "格式应为 2026-05-08");
        }
    }

    static long id(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            throw new UserInputException("请选择" + what);
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("请选择" + what);
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的" + what);
        }
    }

    /**
     * The items of the edit form: every checked {@code include} finding id, in the order posted, with its
     * {@code wording_<id>} text.
     */
    static List<FeedbackLetters.ItemText> items(MultiValueMap<String, String> form) {
        List<FeedbackLetters.ItemText> items = new ArrayList<>();
        List<String> included = form.get("include");
        if (included == null) {
            return items;
        }
        for (String raw : included) {
            Long id;
            try {
                id = Long.valueOf(raw.strip());
            } catch (NumberFormatException e) {
                id = null;
            }
            items.add(new FeedbackLetters.ItemText(id, id == null ? null : form.getFirst("wording_" + id)));
        }
        return items;
    }
}
