package org.xuncha.intake;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;

/**
 * intake's counts for other modules (the inspection report): in SQL under the caller's scope, as the petition
 * statistics page counts them, so a TARGET or an outsider gets {@link PetitionCounts#NONE}.
 */
@Service
public class PetitionCounting {

    private final PetitionRepository petitions;

    PetitionCounting(PetitionRepository petitions) {
        this.petitions = petitions;
    }

    @Transactional(readOnly = true)
    public PetitionCounts countsOf(DataScope scope, InspectionId inspection) {
        Map<String, Long> byStatus = petitions.countBy("status", scope, inspection.value(), null);
        long received = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new PetitionCounts(received, byStatus.getOrDefault(PetitionStatus.CLOSED.name(), 0L));
    }
}
