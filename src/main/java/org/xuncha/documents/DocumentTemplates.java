package org.xuncha.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * The Word templates documents are written from: the built-in one of each kind, or the one the office of the
 * inspection body uploaded instead. An office replaces and reverts only its own body's template; both are audited,
 * and so is a refused upload (which stores nothing). Other modules fill a kind's template with {@link #fill}; the
 * placeholders of each kind come from its {@link TemplatePlaceholders}.
 */
@Service
public class DocumentTemplates {

    private final DocumentTemplateRepository stored;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<DocumentTemplateKind, List<TemplatePlaceholder>> placeholders =
            new EnumMap<>(DocumentTemplateKind.class);
    private final Map<DocumentTemplateKind, byte[]> builtIn = new EnumMap<>(DocumentTemplateKind.class);

    DocumentTemplates(DocumentTemplateRepository stored, AuditTrail audit, TransactionTemplate transactions,
                      List<TemplatePlaceholders> kinds, Clock clock) {
        this.stored = stored;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        for (TemplatePlaceholders k : kinds) {
            if (placeholders.put(k.kind(), List.copyOf(k.placeholders())) != null) {
                throw new IllegalStateException("two placeholder sets for document kind " + k.kind());
            }
        }
        for (DocumentTemplateKind kind : DocumentTemplateKind.values()) {
            if (!placeholders.containsKey(kind)) {
                throw new IllegalStateException("no placeholders registered for document kind " + kind);
            }
        }
    }

    /** A template ready to fill: its bytes, and whether it is the body's own or the built-in one. */
    record InUse(byte[] content, boolean custom, String fileName) {
    }

    /** A filled document: the .docx, and whether the body's own template was used (else the built-in one). */
    public record Filled(byte[] content, boolean custom) {
    }

    /**
     * Fills the template a body's documents of this kind are written from; placeholders in neither map stay as
     * they are. An uploaded template that passed the upload checks but still cannot be filled is refused with a
     * Chinese message (the office can revert to the built-in one); a built-in template that cannot be filled is a
     * defect.
     */
    public Filled fill(BodyId body, DocumentTemplateKind kind, Map<String, String> texts,
                       Map<String, DocumentPicture> pictures) {
        InUse template = inUse(body, kind);
        try {
            return new Filled(DocumentTemplateMerge.merge(template.content(), texts, pictures), template.custom());
        } catch (IOException | RuntimeException e) {
            if (!template.custom()) {
                throw new IllegalStateException("the built-in " + kind + " template cannot be filled", e);
            }
            // an uploaded template passed the upload checks, but POI may still choke on something unusual in it
            throw new UserInputException("本机构上传的" + kind.label() + "模板无法使用，请在“文书模板”中恢复内置模板或重新上传");
        }
    }

    /** The placeholders of a kind, in the order the template page lists them. */
    List<TemplatePlaceholder> placeholders(DocumentTemplateKind kind) {
        return placeholders.get(kind);
    }

    /** The built-in template of a kind (read once from the class path). */
    synchronized byte[] builtIn(DocumentTemplateKind kind) {
        return builtIn.computeIfAbsent(kind, k -> {
            try (InputStream in = new ClassPathResource(k.builtInResource()).getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("built-in template missing: " + k.builtInResource(), e);
            }
        }).clone();
    }

    /** The template a body's documents of this kind are written from. */
    InUse inUse(BodyId body, DocumentTemplateKind kind) {
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
    Optional<DocumentTemplateRepository.Stored> own(DataScope scope, DocumentTemplateKind kind) {
        return stored.find(ownBody(scope).value(), kind);
    }

    /** The caller's own body's uploaded template; 404 when it has none. */
    InUse ownContent(DataScope scope, DocumentTemplateKind kind) {
        BodyId body = ownBody(scope);
        var own = stored.find(body.value(), kind).orElseThrow(() -> new NotFoundInScope("template " + kind));
        byte[] content = stored.content(body.value(), kind).orElseThrow(() -> new NotFoundInScope("template " + kind));
        return new InUse(content, true, own.fileName());
    }

    /**
     * Checks an upload ({@link DocumentTemplateFile#accept}) and stores it as the caller's body's template of this
     * kind. A refused file changes nothing; the refusal is audited and thrown as {@link DocumentTemplateRejected}.
     */
    void replace(DataScope scope, DocumentTemplateKind kind, String fileName, InputStream upload, String actor) {
        BodyId body = ownBody(scope);
        DocumentTemplateFile file;
        try {
            file = DocumentTemplateFile.accept(fileName, upload, placeholders(kind));
        } catch (DocumentTemplateRejected e) {
            audit.record("DOCUMENT_TEMPLATE_UPLOADED", "DocumentTemplate", objectId(body, kind), AuditOutcome.FAILURE,
                    "refused: " + e.getMessage());
            throw e;
        }
        transactions.executeWithoutResult(status -> {
            stored.replace(body.value(), kind, file, actor,
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            audit.success("DOCUMENT_TEMPLATE_UPLOADED", "DocumentTemplate", objectId(body, kind),
                    "bytes=" + file.size());
        });
    }

    /** Goes back to the built-in template; false (and nothing audited) when the body had none of its own. */
    boolean revert(DataScope scope, DocumentTemplateKind kind) {
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

    private static String objectId(BodyId body, DocumentTemplateKind kind) {
        return body.value() + ":" + kind.name();
    }
}
