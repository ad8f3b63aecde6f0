package org.xuncha.documents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The templates offices uploaded (table document_template), one per body and kind, the kind stored as its
 * {@link DocumentKind#code()}. A body without a row uses the built-in template. Callers pass a body they have already checked against the caller's scope.
 */
@Repository
class DocumentTemplateRepository {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    DocumentTemplateRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** An uploaded template without its content. */
    record Stored(long bodyId, String kind, String fileName, int sizeBytes, String uploadedBy,
                  OffsetDateTime uploadedAt) {
    }

    Optional<Stored> find(long body, DocumentKind kind) {
        return jdbc.sql("""
                SELECT body_id, file_name, OCTET_LENGTH(content) AS size_bytes, uploaded_by, uploaded_at FROM document_template
                WHERE body_id = :body AND kind = :kind
                """).param("body", body).param("kind", kind.code())
                .query((rs, n) -> new Stored(rs.getLong("body_id"), kind.code(), rs.getString("file_name"),
                        rs.getInt("size_bytes"), rs.getString("uploaded_by"),
                        shown(rs.getObject("uploaded_at", OffsetDateTime.class))))
                .optional();
    }

    Optional<byte[]> content(long body, DocumentKind kind) {
        return jdbc.sql("SELECT content FROM document_template WHERE body_id = :body AND kind = :kind")
                .param("body", body).param("kind", kind.code())
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Stores the body's template of this kind, replacing the one it had. */
    void replace(long body, DocumentKind kind, DocumentTemplateFile file, String uploadedBy, OffsetDateTime at) {
        remove(body, kind);
        jdbc.sql("""
                INSERT INTO document_template (body_id, kind, file_name, content, uploaded_by, uploaded_at)
                VALUES (:body, :kind, :name, :content, :by, :at)
                """).param("body", body).param("kind", kind.code()).param("name", file.fileName())
                .param("content", file.content()).param("by", uploadedBy).param("at", at).update();
    }

    /** A stored instant (UTC) as the page shows it: in the configured zone. */
    private OffsetDateTime shown(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
    }

    boolean remove(long body, DocumentKind kind) {
        return jdbc.sql("DELETE FROM document_template WHERE body_id = :body AND kind = :kind")
                .param("body", body).param("kind", kind.code()).update() > 0;
    }
}
