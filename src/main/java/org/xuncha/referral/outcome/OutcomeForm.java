package org.xuncha.referral.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.OutcomeKind;

/** The outcome form as posted (codes and amounts as text), turned into an {@link OutcomeDraft}. */
class OutcomeForm {

    private String kind;
    private String code;
    private Long personId;
    private String occurredOn;
    private String recovered;
    private String lossRetrieved;
    private String note;

    OutcomeDraft draft() {
        return new OutcomeDraft(kind(kind), code, personId, date(occurredOn, "办理日期"), fen(recovered, "追缴资金"),
                fen(lossRetrieved, "挽回损失"), note);
    }

    static OutcomeKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OutcomeKind.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的办理情况类别");
        }
    }

    static LocalDate date(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException(what + "格式应为 年-月-日，例如 2026-03-02");
        }
    }

    /** An amount typed in 元 ("1,234.5"), in fen; negative amounts pass through for the service to refuse. */
    static Long fen(String yuan, String what) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(yuan.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "应为以元为单位的金额，例如 12345.67");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new UserInputException(what + "最多保留两位小数（到分）");
        }
        if (amount.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
            throw new UserInputException(what + "超出范围");
        }
        return amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Long getPersonId() {
        return personId;
    }

    public void setPersonId(Long personId) {
        this.personId = personId;
    }

    public String getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(String occurredOn) {
        this.occurredOn = occurredOn;
    }

    public String getRecovered() {
        return recovered;
    }

    public void setRecovered(String recovered) {
        this.recovered = recovered;
    }

    public String getLossRetrieved() {
        return lossRetrieved;
    }

    public void setLossRetrieved(String lossRetrieved) {
        this.lossRetrieved = lossRetrieved;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
