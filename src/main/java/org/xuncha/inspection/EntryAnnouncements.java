package org.xuncha.inspection;

import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.platform.web.UserInputException;

/**
 * The entry announcement (进驻公告) of an inspection: what the office fills in before stationing (reporting phone,
 * mailbox, what is accepted, the period and the cut-off date), and the public reporting channel it announces. The
 * channel gets its code when the team is stationed and closes when it withdraws ({@link InspectionStages}); the
 * public side reads it by code alone ({@link #channel}).
 */
@Service
public class EntryAnnouncements {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Inspections inspections;
    private final InspectionRepository repository;
    private final AuditTrail audit;

    EntryAnnouncements(Inspections inspections, InspectionRepository repository, AuditTrail audit) {
        this.inspections = inspections;
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Optional<EntryAnnouncementView> announcement(DataScope scope, InspectionId id) {
        return repository.announcement(inspections.get(scope, id).id());
    }

    /**
     * The public side of an entry announcement, by channel code; no data scope (the code is the secret).
     * Empty for an unknown code.
     */
    @Transactional(readOnly = true)
    public Optional<EntryChannel> channel(String code) {
        if (code == null || !code.matches("[a-z2-7]{26,32}")) {
            return Optional.empty();
        }
        return repository.announcementByChannel(code).map(a -> new EntryChannel(a.inspectionId(),
                repository.teamName(a.inspectionId()),
                repository.targets(a.inspectionId()).stream()
                        .map(t -> new EntryChannel.Target(t.organizationId(), t.name())).toList(),
                a.periodFrom(), a.periodTo(), a.cutOffOn(), a.phone(), a.mailbox(), a.accepts(), a.channelOpen()));
    }

    @Transactional
    public void save(DataScope scope, InspectionId id, EntryAnnouncementDraft draft) {
        InspectionView v = inspections.writable(scope, id);
        if (v.stage().reached(InspectionStage.REPORTING)) {
            throw new UserInputException("巡察组撤离后不能再修改进驻公告");
        }
        String phone = InspectionRules.text(draft.phone(), "举报电话", 40, true);
        if (!phone.matches("[0-9+\\-() ]{5,40}")) {
            throw new UserInputException("举报电话只能包含数字、空格和 + - ( )");
        }
        String mailbox = InspectionRules.text(draft.mailbox(), "邮政信箱或电子邮箱", 200, true);
        String accepts = draft.accepts() == null || draft.accepts().isBlank() ? EntryAnnouncementDraft.DEFAULT_ACCEPTS
                : InspectionRules.text(draft.accepts(), "受理范围", 1000, true);
        if (draft.periodFrom() == null || draft.periodTo() == null || draft.cutOffOn() == null) {
            throw new UserInputException("请填写巡察起止日期和受理截止日期");
        }
        if (draft.periodTo().isBefore(draft.periodFrom())) {
            throw new UserInputException("巡察结束日期不能早于开始日期");
        }
        if (draft.cutOffOn().isBefore(draft.periodFrom()) || draft.cutOffOn().isAfter(draft.periodTo())) {
            throw new UserInputException("受理截止日期应在巡察期间之内");
        }
        EntryAnnouncementDraft clean = new EntryAnnouncementDraft(phone, mailbox, accepts, draft.periodFrom(),
                draft.periodTo(), draft.cutOffOn(), draft.version());
        inspections.touch(v, v.version());
        Optional<EntryAnnouncementView> existing = repository.announcement(v.id());
        if (existing.isEmpty()) {
            repository.insertAnnouncement(v.id(), clean);
        } else {
            int version = draft.version() == null ? existing.get().version() : draft.version();
            if (!repository.updateAnnouncement(v.id(), version, clean)) {
                throw new UserInputException("进驻公告已被他人修改，请刷新后重试");
            }
        }
        audit.success("ENTRY_ANNOUNCEMENT_SAVED", "Inspection", v.id(), "period=" + draft.periodFrom() + ".." + draft.periodTo());
    }

    // ---- the public channel, opened and closed by the stage machine ---------------------------------------

    /** Whether the office has filled in the announcement (stationing needs it). */
    boolean filledIn(long inspection) {
        return repository.announcement(inspection).isPresent();
    }

    /** Gives the announcement a fresh channel code and opens the channel. */
    void openChannel(long inspection) {
        repository.openChannel(inspection, newChannelCode());
    }

    void closeChannel(long inspection) {
        repository.closeChannel(inspection);
    }

    /** A fresh public channel code: 160 random bits, lower-case base32 (32 characters, URL-safe), unique. */
    private String newChannelCode() {
        for (int attempt = 0; attempt < 5; attempt++) {
            byte[] bytes = new byte[20];
            RANDOM.nextBytes(bytes);
            String code = base32(bytes);
            if (!repository.channelTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("could not draw a unique channel code");
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
