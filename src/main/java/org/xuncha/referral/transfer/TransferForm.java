package org.xuncha.referral.transfer;

import java.util.ArrayList;
import java.util.List;

import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;

/**
 * The office's transfer form as posted: the chosen lines ({@code line} = {@code LEAD:12} or {@code PETITION:5}), the
 * receiver (kind, body, department) and the note. Also the 转办 form (with {@code reason}). Kept for re-rendering.
 */
record TransferForm(List<String> line, String receiverKind, Long receiverBody, String department, String note,
                    String reason) {

    static TransferForm blank() {
        return new TransferForm(List.of(), null, null, null, null, null);
    }

    public boolean chosen(String key) {
        return line != null && line.contains(key);
    }

    List<Transfers.Line> lines() {
        List<Transfers.Line> lines = new ArrayList<>();
        for (String raw : line == null ? List.<String>of() : line) {
            String[] parts = raw == null ? new String[0] : raw.strip().split(":", 2);
            try {
                lines.add(new Transfers.Line(SubjectKind.valueOf(parts[0]), Long.parseLong(parts[1])));
            } catch (RuntimeException e) {
                throw new UserInputException("无法识别选择的第 " + (lines.size() + 1) + " 条");
            }
        }
        return lines;
    }

    Transfers.ReceiverChoice receiver() {
        return new Transfers.ReceiverChoice(kind(receiverKind), receiverBody, department);
    }

    static ReceiverKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ReceiverKind.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的接收单位类别");
        }
    }
}
