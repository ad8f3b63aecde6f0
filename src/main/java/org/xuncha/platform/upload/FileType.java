package org.xuncha.platform.upload;

/** A file type the application accepts, as read from the bytes (never from the name or the client's content type). */
public enum FileType {
    PDF("application/pdf", "pdf", "PDF"),
    PNG("image/png", "png", "PNG 图片"),
    JPEG("image/jpeg", "jpg", "JPG 图片"),
    GIF("image/gif", "gif", "GIF 图片"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word 文档（.docx）"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel 工作簿（.xlsx）");

    private final String mime;
    private final String extension;
    private final String label;

    FileType(String mime, String extension, String label) {
        this.mime = mime;
        this.extension = extension;
        this.label = label;
    }

    public String mime() {
        return mime;
    }

    public String extension() {
        return extension;
    }

    /** Chinese name of the type, for messages. */
    public String label() {
        return label;
    }

    boolean image() {
        return this == PNG || this == JPEG || this == GIF;
    }

    boolean office() {
        return this == DOCX || this == XLSX;
    }
}
