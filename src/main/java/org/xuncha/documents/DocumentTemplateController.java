package org.xuncha.documents;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Arrays;
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
 * 文书模板 (OFFICE): the templates documents are written from — download the built-in one, upload one's own
 * (checked, audited; a refused file stores nothing and the page says why), download it, revert to built-in.
 * Each office manages its own body's templates; an inspection's documents use its body's template.
 */
@Controller
class DocumentTemplateController {

    private final DocumentTemplates templates;

    DocumentTemplateController(DocumentTemplates templates) {
        this.templates = templates;
    }

    /** One kind as the page lists it, with its placeholders. */
    record Row(DocumentTemplateKind kind, DocumentTemplateRepository.Stored own, List<TemplatePlaceholder> placeholders) {

        public String label() {
            return kind.label();
        }

        public String slug() {
            return kind.slug();
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
        DocumentTemplateKind k = kind(kind);
        return WordDownloads.attachment(k.slug() + "-template.docx", k.builtInFileName(), templates.builtIn(k));
    }

    @GetMapping("/document-templates/{kind}/own.docx")
    @PreAuthorize("hasRole('OFFICE')")
    ResponseEntity<byte[]> own(@PathVariable String kind, DataScope scope) {
        DocumentTemplates.InUse own = templates.ownContent(scope, kind(kind));
        return WordDownloads.attachment(kind + "-own.docx", own.fileName(), own.content());
    }

    @PostMapping("/document-templates/{kind}")
    @PreAuthorize("hasRole('OFFICE')")
    String upload(@PathVariable String kind, @RequestParam(value = "file", required = false) MultipartFile file,
                  DataScope scope, Principal principal, Model model, RedirectAttributes redirect) throws IOException {
        DocumentTemplateKind k = kind(kind);
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
        redirect.addFlashAttribute("message", "已启用本机构的" + k.label() + "模板");
        return "redirect:/document-templates";
    }

    @PostMapping("/document-templates/{kind}/revert")
    @PreAuthorize("hasRole('OFFICE')")
    String revert(@PathVariable String kind, DataScope scope, RedirectAttributes redirect) {
        DocumentTemplateKind k = kind(kind);
        if (templates.revert(scope, k)) {
            redirect.addFlashAttribute("message", "已恢复使用内置的" + k.label() + "模板");
        }
        return "redirect:/document-templates";
    }

    private String show(DataScope scope, Model model) {
        DocumentTemplates.ownBody(scope);
        model.addAttribute("rows", Arrays.stream(DocumentTemplateKind.values())
                .map(k -> new Row(k, templates.own(scope, k).orElse(null), templates.placeholders(k))).toList());
        model.addAttribute("maxMegabytes", DocumentTemplateFile.MAX_BYTES / 1024 / 1024);
        return "documents/document-templates";
    }

    private static DocumentTemplateKind kind(String slug) {
        return DocumentTemplateKind.ofSlug(slug).orElseThrow(() -> new NotFoundInScope("template kind " + slug));
    }
}
