package org.xuncha.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The Word templates documents are written from: the built-in one of each registered {@link DocumentKind}, or the
 * one the office of the inspection body uploaded instead. An office replaces and reverts only its own body's
 * template; both are audited, and so is a refused upload (which stores nothing). Other modules fill the template of
 * their kind with {@link #fill}.
 */
@Service
public class DocumentTemplates {

    private final DocumentKinds kinds;
    private final DocumentTemplateRepository stored;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, byte[]> builtIn = new ConcurrentHashMap<>();

    DocumentTemplates(DocumentKinds kinds, DocumentTemplateRepository stored, AuditTrail audit,
                      TransactionTemplate transactions, Clock clock) {
        this.kinds = kinds;
        this.stored = stored;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A template ready to fill: its bytes, and whether it is the body's own or the built-in one. */
    record InUse(byte[] content, boolean custom, String fileName) {
    }

    /** A filled document: the .docx, and whether the body's own template was used (else the built-in one). */
    public record Filled(byte[] content, boolean custom) {
    }

    /**
     * Fills the template a body's documents of this kind are written from; placeholders the content does not name
     * stay as they are. An uploaded template that passed the upload checks but still cannot be filled is refused
     * with a Chinese message (the office can revert to the built-in one); a built-in template that cannot be filled
     * is a defect, and so is a kind that was not contributed as a bean.
     */
    public Filled fill(BodyId body, DocumentKind kind, DocumentContent content) {
        DocumentKind registered = kinds.registered(kind);
        return fill(registered, inUse(body, registered), content);
    }

    /**
     * Fills the kind's built-in template, whatever a body uploaded: for a document that is written the same way for
     * every body (a signed 移交函 whose caller names no body).
     */
    public Filled fillBuiltIn(DocumentKind kind, DocumentContent content) {
        DocumentKind registered = kinds.registered(kind);
        return fill(registered, new InUse(builtIn(registered), false, registered.builtInFileName()), content);
    }

    /** The template the caller's own body uses for this kind, filled with the kind's sample. */
    Filled preview(DataScope scope, DocumentKind kind) {
        return fill(kind, inUse(ownBody(scope), kind), kind.sample());
    }

    private Filled fill(DocumentKind kind, InUse template, DocumentContent content) {
        try {
            return new Filled(DocumentTemplateMerge.merge(template.content(), content), template.custom());
        } catch (IOException | RuntimeException e) {
            if (!template.custom()) {
                throw new IllegalStateException("the built-in " + kind.code() + " template cannot be filled", e);
            }
            // an uploaded template passed the upload checks, but POI may still choke on something unusual in it
            throw new UserInputException("本机构上传的" + kind.name() + "模板无法使用，请在“文书模板”中恢复内置模板或重新上传");
        }
    }

    /** The built-in template of a kind (read once from the class path). */
    byte[] builtIn(DocumentKind kind) {
        return builtIn.computeIfAbsent(kind.code(), code -> {
            try (InputStream in = new ClassPathResource(kind.builtInTemplate()).getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("built-in template missing: " + kind.builtInTemplate(), e);
            }
        }).clone();
    }

    /** The template a body's documents of this kind are written from. */
    InUse inUse(BodyId body, DocumentKind kind) {
        Optional<DocumentTemplateRepository.Stored> own = stored.find(body.value(), kind);
        if (own.isPresent()) {
            byte[] content = stored.content(body.value(), kind).orElse(null);
            if (content != null) {
                return new InUse(content, true, own.get().fileName());
            }
        }
        return new InUse(builtIn(kind), false, kind.builtInFileName());
    }

    /** The caller's own body's uploaded template of this kind, if it has one. */
    Optional<DocumentTemplateRepository.Stored> own(DataScope scope, DocumentKind kind) {
        return stored.find(ownBody(scope).value(), kind);
    }

    /** The caller's own body's uploaded template; 404 when it has none. */
    InUse ownContent(DataScope scope, DocumentKind kind) {
        BodyId body = ownBody(scope);
        var own = stored.find(body.value(), kind).orElseThrow(() -> new NotFoundInScope("template " + kind.code()));
        byte[] content = stored.content(body.value(), kind)
                .orElseThrow(() -> new NotFoundInScope("template " + kind.code()));
        return new InUse(content, true, own.fileName());
    }

    /**
     * Checks an upload ({@link DocumentTemplateFile#accept}) and stores it as the caller's body's template of this
     * kind. A refused file changes nothing; the refusal is audited and thrown as {@link DocumentTemplateRejected}.
     */
    void replace(DataScope scope, DocumentKind kind, String fileName, InputStream upload, String actor) {
        BodyId body = ownBody(scope);
        DocumentTemplateFile file;
        try {
            file = DocumentTemplateFile.accept(fileName, upload, kind.placeholders());
        } catch (DocumentTemplateRejected e) {
            audit.record("DOCUMENT_TEMPLATE_UPLOADED", "DocumentTemplate", objectId(body, kind), AuditOutcome.FAILURE,
                    "refused: " + e.getMessage());
            throw e;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(status -> {
            stored.replace(body.value(), kind, file, actor, at);
            audit.success("DOCUMENT_TEMPLATE_UPLOADED", "DocumentTemplate", objectId(body, kind),
                    "bytes=" + file.size());
        });
    }

    /** Goes back to the built-in template; false (and nothing audited) when the body had none of its own. */
    boolean revert(DataScope scope, DocumentKind kind) {
        BodyId body = ownBody(scope);
        Boolean reverted = transactions.execute(status -> {
            if (!stored.remove(body.value(), kind)) {
                return false;
            }
            audit.success("DOCUMENT_TEMPLATE_REVERTED", "DocumentTemplate", objectId(body, kind), "built-in");
            return true;
        });
        return Boolean.TRUE.equals(reverted);
    }

    /** The body whose templates the caller manages: its own, when it may write it. */
    static BodyId ownBody(DataScope scope) {
        if (scope.body() == null || !scope.canWrite(scope.body())) {
            throw new NotFoundInScope("no body of one's own");
        }
        return scope.body();
    }

    /** body:code, e.g. 12:ENTRY_ANNOUNCEMENT, as the audit trail names a body's template of a kind. */
    private static String objectId(BodyId body, DocumentKind kind) {
        return body.value() + ":" + kind.code();
    }
}
