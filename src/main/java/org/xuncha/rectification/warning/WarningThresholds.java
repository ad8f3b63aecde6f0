package org.xuncha.rectification.warning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The thresholds in force for a body: its office's row, else the configured defaults
 * ({@code xuncha.rectification.warning-green-days}, default 20; {@code …warning-yellow-days}, default 10). Read by
 * the settings ({@link WarningTerms}) and by the computation ({@link WarningDates}).
 */
@Component
class WarningThresholds {

    private final WarningRepository repository;
    private final WarningTerms.Term defaults;

    WarningThresholds(WarningRepository repository,
                      @Value("${xuncha.rectification.warning-green-days:20}") int green,
                      @Value("${xuncha.rectification.warning-yellow-days:10}") int yellow) {
        if (yellow < 1 || green <= yellow || green > WarningTerms.MAX_DAYS) {
            throw new IllegalStateException("xuncha.rectification.warning-green-days must exceed -yellow-days >= 1"
                    + " and be at most " + WarningTerms.MAX_DAYS + ": " + green + " / " + yellow);
        }
        this.repository = repository;
        this.defaults = new WarningTerms.Term(green, yellow, 0, null, null);
    }

    WarningTerms.Term of(long body) {
        return repository.term(body).orElse(defaults);
    }
}
