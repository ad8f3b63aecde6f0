package org.xuncha.platform.upload;

/**
 * A file that passed {@link UploadCheck}.
 *
 * @param fileName the client's base name made safe, with the extension of the type actually stored
 * @param type     the type read from the bytes (for an image, the type of the clean copy)
 * @param content  what may be shown or served: for an image the re-encoded copy without any metadata, otherwise the
 *                 bytes as received
 * @param original the bytes as received (to be sealed where the original must be kept)
 */
public record CheckedUpload(String fileName, FileType type, byte[] content, byte[] original) {

    public String contentType() {
        return type.mime();
    }
}
