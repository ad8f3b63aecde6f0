package org.xuncha.inforequest;

/** An uploaded file that passed {@link InfoRequestUploads}: a safe name, the type read from its bytes, the bytes. */
record InfoRequestFile(String fileName, String contentType, byte[] content) {
}
