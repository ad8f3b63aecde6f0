package org.xuncha.documents;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * 文书模板 (OFFICE): every registered document kind with its placeholders — download the built-in template, upload
 * one's own (checked, audited; a refused file stores nothing and the page says why), download it, revert to
 * built-in, and preview the template in use filled with the kind's sample. Each office manages its own body's
 * templates; an inspection's documents use its body's template. A kind that is not registered answers 404.
 */
@Controller
class DocumentTemplateController {

    private final DocumentTemplates templates;
    private final DocumentKinds kinds;
    private final Clock clock;

    DocumentTemplateController(DocumentTemplates templates, DocumentKinds kinds, Clock clock) {
        this.templates = templates;
        this.kinds = kinds;
        this.clock = clock;
    }

    /** One kind as the page lists it, with the body's own template if it has one (upload time in the offices' zone). */
    record Row(DocumentKind kind, DocumentTemplateRepository.Stored own, ZonedDateTime uploadedAt) {

        public String label() {
            return kind.name();
        }

        public String slug() {
            return kind.slug();
        }

        public List<TemplatePlaceholder> placeholders() {
            return kind.placeholders();
        }

        public boolean picture(TemplatePlaceholder placeholder) {
            return kind.picture(placeholder);
        }
    }

    @GetMapping("/document-templates")
    @PreAuthorize("hasRole('OFFICE')")
    String page(DataScope scope, Model model) {
        return show(scope, model);
    }

    @GetMapping("/document-templates/{kind}/built-in.docx")
    @PreAuthorize("hasRole('OFFICE')")
    ResponseEntity<byte[]> builtIn(@PathVariable String kind) {
        DocumentKind k = kind(kind);
        return WordDownloads.attachment(k.builtInFileName(), templates.builtIn(k));
    }

    @GetMapping("/document-templates/{kind}/own.docx")
    @PreAuthorize("hasRole('OFFICE')")
    ResponseEntity<byte[]> own(@PathVariable String kind, DataScope scope) {
        DocumentKind k = kind(kind);
        DocumentTemplates.InUse own = templates.ownContent(scope, k);
        return WordDownloads.attachment(own.fileName(), own.content());
    }

    /** The template the office's documents of this kind are written from now, filled with the kind's sample. */
    @GetMapping("/document-templates/{kind}/preview.docx")
    @PreAuthorize("hasRole('OFFICE')")
    ResponseEntity<byte[]> preview(@PathVariable String kind, DataScope scope) {
        DocumentKind k = kind(kind);
        return WordDownloads.attachment(k.previewFileName(),
                templates.preview(scope, k).content());
    }

    @PostMapping("/document-templates/{kind}")
    @PreAuthorize("hasRole('OFFICE')")
    String upload(@PathVariable String kind, @RequestParam(value = "file", required = false) MultipartFile file,
                  DataScope scope, Principal principal, Model model, RedirectAttributes redirect) throws IOException {
        DocumentKind k = kind(kind);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要上传的 .docx 模板文件");
            return show(scope, model);
        }
        try (InputStream in = file.getInputStream()) {
            templates.replace(scope, k, file.getOriginalFilename(), in, principal.getName());
        } catch (DocumentTemplateRejected e) {
            model.addAttribute("error", e.getMessage());
            return show(scope, model);
        }
        redirect.addFlashAttribute("message", "已启用本机构的" + k.name() + "模板");
        return "redirect:/document-templates";
    }

    @PostMapping("/document-templates/{kind}/revert")
    @PreAuthorize("hasRole('OFFICE')")
    String revert(@PathVariable String kind, DataScope scope, RedirectAttributes redirect) {
        DocumentKind k = kind(kind);
        if (templates.revert(scope, k)) {
            redirect.addFlashAttribute("message", "已恢复使用内置的" + k.name() + "模板");
        }
        return "redirect:/document-templates";
    }

    private String show(DataScope scope, Model model) {
        DocumentTemplates.ownBody(scope);
        model.addAttribute("rows", kinds.all().stream().map(k -> {
            DocumentTemplateRepository.Stored own = templates.own(scope, k).orElse(null);
            return new Row(k, own, own == null ? null : own.uploadedAt().atZoneSameInstant(clock.getZone()));
        }).toList());
        model.addAttribute("maxMegabytes", DocumentTemplateFile.MAX_BYTES / 1024 / 1024);
        return "documents/document-templates";
    }

    private DocumentKind kind(String slug) {
        return kinds.bySlug(slug).orElseThrow(() -> new NotFoundInScope("document kind " + slug));
    }
}
