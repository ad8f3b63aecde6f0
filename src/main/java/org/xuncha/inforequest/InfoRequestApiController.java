package org.xuncha.inforequest;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * JSON API of 巡前通报, with the roles and data scope of the pages. Bad input answers 400
 * {@code {"message": "…"}} and changes nothing; an id outside the caller's scope answers 404.
 */
@RestController
class InfoRequestApiController {

    private final InfoRequestRepository requests;
    private final InfoRequestDesk desk;

    InfoRequestApiController(InfoRequestRepository requests, InfoRequestDesk desk) {
        this.requests = requests;
        this.desk = desk;
    }

    /** Requests the caller may read: the office's bodies, a collaborator's department, a team's inspections. */
    @GetMapping("/api/info-requests")
    @PreAuthorize(InfoRequestController.READERS)
    ResultPage<InfoRequestView> list(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) Boolean overdue,
                                             @RequestParam(required = false) String department,
                                             @RequestParam(required = false) Long inspection,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size, DataScope scope) {
        // the API never narrows by default: an absent status means every status
        InfoRequestFilter filter = InfoRequestController.filter(status == null ? "" : status, overdue, department,
                inspection, scope);
        return requests.list(filter, scope, desk.today(), ResultPage.clampPage(page),
                ResultPage.clampSize(size));
    }

    @GetMapping("/api/info-requests/{id}")
    @PreAuthorize(InfoRequestController.READERS)
    InfoRequestDetails get(@PathVariable long id, DataScope scope) {
        InfoRequestView request = requests.find(id, scope, desk.today())
                .orElseThrow(() -> new NotFoundInScope("info request " + id));
        return new InfoRequestDetails(request, requests.attachments(id));
    }

    /** Sends one request per department × target: 201 {@code {"ids": [...]}}. */
    @PostMapping("/api/info-requests")
    @PreAuthorize("hasRole('OFFICE')")
    ResponseEntity<Map<String, List<Long>>> send(@RequestBody(required = false) InfoRequestForm form, DataScope scope) {
        if (form == null) {
            throw new UserInputException("请提交通报内容（JSON）");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ids", desk.send(form, scope)));
    }

    /** A collaborator's answer as multipart: {@code answer} (text) and up to five {@code files}. */
    // No consumes condition: a non-multipart request must meet the role check (403) or the missing-answer message.
    @PostMapping("/api/info-requests/{id}/answer")
    @PreAuthorize("hasRole('COLLABORATOR')")
    InfoRequestDetails answer(@PathVariable long id, @RequestParam(value = "answer", required = false) String answer,
                              @RequestParam(value = "files", required = false) List<MultipartFile> files,
                              DataScope scope) {
        requests.findAnswerable(id, scope, desk.today()).orElseThrow(() -> new NotFoundInScope("info request " + id));
        desk.answer(id, answer, InfoRequestUploads.check(files), scope);
        return get(id, scope);
    }

    @GetMapping("/api/info-requests/{id}/attachments/{attachmentId}")
    @PreAuthorize(InfoRequestController.READERS)
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, DataScope scope) {
        var file = desk.download(id, attachmentId, scope);
        return org.xuncha.platform.web.FileDownload.of(file.fileName(), file.contentType(), file.content());
    }

    /** 巡前通报汇总 of one target of an inspection. */
    @GetMapping("/api/dossiers/{inspectionId}/{organizationId}")
    @PreAuthorize(DossierController.READERS)
    Dossier dossier(@PathVariable long inspectionId, @PathVariable long organizationId, DataScope scope) {
        return desk.dossier(inspectionId, organizationId, scope);
    }
}
