package org.xuncha.inspection;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.documents.DocumentTemplates;
import org.xuncha.people.InspectorLabel;
import org.xuncha.people.TalentPool;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.PublicAddress;
import org.xuncha.platform.web.UserInputException;

/**
 * Writes an inspection's entry announcement (进驻公告, the document kind {@link EntryAnnouncementKind}) as .docx from
 * its body's template (or the built-in one), with the QR code of the public channel address
 * {@code <public address>/r/<channel code>} ({@link PublicAddress}). Only once the inspection is stationed and has its channel code;
 * every document handed out is audited as an export.
 */
@Service
class EntryAnnouncementDocuments {

    private final EntryAnnouncementDocumentRepository sources;
    private final DocumentTemplates templates;
    private final AuditTrail audit;
    private final TalentPool talentPool;
    private final PublicAddress publicAddress;

    EntryAnnouncementDocuments(EntryAnnouncementDocumentRepository sources, DocumentTemplates templates,
                               AuditTrail audit, TalentPool talentPool,
                               PublicAddress publicAddress) {
        this.sources = sources;
        this.templates = templates;
        this.audit = audit;
        this.talentPool = talentPool;
        this.publicAddress = publicAddress;
    }

    /** A written announcement. */
    record Written(String fileName, byte[] content) {
    }

    /**
     * Writes the announcement of an inspection in the caller's scope.
     *
     * @throws NotFoundInScope     the inspection does not exist or is outside the scope
     * @throws UserInputException  it has not been stationed, or has no announcement details or channel code yet
     */
    Written write(InspectionId inspection, DataScope scope) {
        var source = sources.find(inspection.value(), scope).orElseThrow(() -> notFound(inspection));
        EntryAnnouncementDocument content = content(source, scope);
        DocumentTemplates.Filled filled = templates.fill(BodyId.of(source.bodyId()), EntryAnnouncementKind.KIND,
                content.content());
        audit.success("EXPORT", "EntryAnnouncement", inspection.value(),
                "docx template=" + (filled.custom() ? "custom" : "built-in"));
        return new Written(content.fileName(), filled.content());
    }

    /** What the announcement says; refuses (in Chinese) while it cannot be written yet. */
    EntryAnnouncementDocument content(InspectionId inspection, DataScope scope) {
        return content(sources.find(inspection.value(), scope).orElseThrow(() -> notFound(inspection)), scope);
    }

    private EntryAnnouncementDocument content(EntryAnnouncementDocumentRepository.Source source, DataScope scope) {
        long inspection = source.inspectionId();
        if (!source.stage().reached(InspectionStage.STATIONED)) {
            throw new UserInputException("巡察组尚未进驻（当前阶段：" + source.stage().label() + "），进驻后才能生成进驻公告");
        }
        if (!source.announced()) {
            throw new UserInputException("尚未填写进驻公告的联系电话、邮政信箱和受理范围，无法生成进驻公告");
        }
        if (source.channelCode() == null || source.channelCode().isBlank()) {
            throw new UserInputException("该巡察尚无公开举报渠道码，无法生成进驻公告");
        }
        List<String> targets = sources.targets(inspection, scope);
        String leader = sources.leader(inspection, scope).map(InspectorId::of)
                .map(id -> talentPool.labels(List.of(id)).get(id)).map(InspectorLabel::name).orElse(null);
        String committee = EntryAnnouncementDocument.committeeOf(source.bodyName());
        String issuer = source.officeName() != null && !source.officeName().isBlank()
                ? source.officeName().strip() : "中共" + committee + "巡察工作领导小组办公室";
        return new EntryAnnouncementDocument(source.inspectionId(), committee, source.teamName(), leader, targets,
                source.mode(), source.specialTopic(), source.periodFrom(), source.periodTo(), source.cutOffOn(),
                source.phone(), source.mailbox(), source.accepts(), channelUrl(source.channelCode()), issuer);
    }

    /** The public reporting address of an inspection in the caller's scope, once it has a channel code. */
    java.util.Optional<String> channelUrl(InspectionId inspection, DataScope scope) {
        return sources.find(inspection.value(), scope).map(EntryAnnouncementDocumentRepository.Source::channelCode)
                .filter(code -> !code.isBlank()).map(this::channelUrl);
    }

    /** The absolute address of the public reporting page of a channel code. */
    String channelUrl(String channelCode) {
        return publicAddress.url("/r/" + UriUtils.encodePathSegment(channelCode.strip(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static NotFoundInScope notFound(InspectionId inspection) {
        return new NotFoundInScope("inspection " + inspection.value());
    }
}
