package org.xuncha.rectification.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.xuncha.platform.web.UserInputException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the ledger's forms send, read the same way by the page and the API: evidence slots {@code file0…file9} with
 * {@code kind0…} and {@code title0…}, amounts in 元 (page) or fen (API), dates as yyyy-MM-dd.
 */
final class LedgerForms {

    static final int SLOTS = EvidenceUploads.MAX_FILES;

    private LedgerForms() {
    }

    /** The evidence files of a progress form; slots without a file are skipped. */
    static List<ProgressDraft.Upload> files(HttpServletRequest request) {
        List<ProgressDraft.Upload> files = new ArrayList<>();
        // the request the controller gets may be wrapped (security, sessions): the multipart one is underneath
        MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
                MultipartHttpServletRequest.class);
        if (multipart == null) {
            return files;
        }
        for (int i = 0; i < SLOTS; i++) {
            MultipartFile part = multipart.getFile("file" + i);
            if (part == null || part.isEmpty() && (part.getOriginalFilename() == null
                    || part.getOriginalFilename().isBlank())) {
                continue;
            }
            if (part.getSize() > EvidenceUploads.MAX_BYTES) {
                throw new UserInputException("附件“" + part.getOriginalFilename() + "”超过 "
                        + EvidenceUploads.POLICY.maxMegabytes() + " MB");
            }
            String kindName = multipart.getParameter("kind" + i);
            EvidenceKind kind = kindName == null ? null : EvidenceKind.parse(kindName.strip()).orElse(null);
            try {
                files.add(new ProgressDraft.Upload(part.getOriginalFilename(), part.getBytes(), kind,
                        multipart.getParameter("title" + i)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** An amount typed in 元 ("12,345.6"; blank = none) in fen. */
    static Long yuan(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "应为以元为单位的金额，例如 12345.67");
        }
        if (amount.signum() < 0) {
            throw new UserInputException(what + "金额不能为负数");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new UserInputException(what + "最多保留两位小数（到分）");
        }
        BigDecimal fen = amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        if (fen.compareTo(BigDecimal.valueOf(LedgerItems.MONEY_MAX)) > 0) {
            throw new UserInputException(what + "金额超出范围");
        }
        return fen.longValueExact();
    }

    /** A whole number of fen typed into the API's form (blank = none). */
    static Long fen(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "应为以分为单位的整数");
        }
    }

    static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException(what + "应为日期，例如 2026-03-31");
        }
    }

    static Long id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
