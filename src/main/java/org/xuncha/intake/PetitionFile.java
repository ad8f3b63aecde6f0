package org.xuncha.intake;

/** A checked attachment: the copy staff see (metadata removed) and the file as received (to be sealed). */
record PetitionFile(String fileName, String contentType, byte[] content, byte[] original) {
}
