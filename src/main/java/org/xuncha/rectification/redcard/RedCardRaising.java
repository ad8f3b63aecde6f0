package org.xuncha.rectification.redcard;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.rectification.ProgressReported;
import org.xuncha.rectification.RedCardScreening;

/**
 * Raises the automatic red cards of a progress report ({@link ProgressReported}) after the report committed, in a
 * transaction of its own (Spring Modulith's publication registry delivers again after a crash); the rules are
 * {@link RedCardScreening}'s, which raises each card once, so a replay changes nothing.
 */
@Component
class RedCardRaising {

    private final RedCardScreening screening;

    RedCardRaising(RedCardScreening screening) {
        this.screening = screening;
    }

    @ApplicationModuleListener
    void on(ProgressReported event) {
        screening.screen(event.item(), event.progress());
    }
}
