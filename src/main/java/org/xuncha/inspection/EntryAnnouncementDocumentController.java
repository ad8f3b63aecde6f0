package org.xuncha.inspection;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.documents.QrCodePicture;
import org.xuncha.documents.WordDownloads;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * The entry announcement as a Word download, for the page and the API alike. Outside the caller's scope: 404;
 * not yet stationed or without a channel code: 400 with the Chinese reason (JSON under /api/).
 */
@Controller
class EntryAnnouncementDocumentController {

    private final EntryAnnouncementDocuments documents;

    EntryAnnouncementDocumentController(EntryAnnouncementDocuments documents) {
        this.documents = documents;
    }

    @GetMapping({"/inspections/{id}/announcement.docx", "/api/inspections/{id}/announcement.docx"})
    @PreAuthorize("hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')")
    ResponseEntity<byte[]> download(@PathVariable long id, DataScope scope) {
        if (id <= 0) {
            throw new NotFoundInScope("inspection " + id);
        }
        EntryAnnouncementDocuments.Written written = documents.write(InspectionId.of(id), scope);
        return WordDownloads.attachment(written.fileName(), written.content());
    }

    /** The QR code of the public reporting address (码上巡) of a stationed inspection, for the office's page. */
    @GetMapping("/inspections/{id}/channel-qr.png")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')")
    ResponseEntity<byte[]> channelQr(@PathVariable long id, DataScope scope) {
        String url = documents.channelUrl(InspectionId.of(id), scope)
                .orElseThrow(() -> new NotFoundInScope("channel of inspection " + id));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(QrCodePicture.of(url).png());
    }
}
