package org.xuncha.findings.finding;

import java.time.LocalDate;
import java.util.List;

/** 立行立改 as the team records it: the date it was rectified, what was done, and evidence files. */
record RectificationDraft(LocalDate rectifiedOn, String note, List<Upload> files) {

    RectificationDraft {
        files = files == null ? List.of() : List.copyOf(files);
    }

    record Upload(String name, byte[] bytes) {
    }
}
