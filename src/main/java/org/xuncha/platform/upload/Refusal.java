package org.xuncha.platform.upload;

/** Why a scan refused a file (a Chinese phrase without the file's name); {@link UploadCheck} adds the name. */
final class Refusal extends RuntimeException {

    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
