package org.xuncha.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;

/**
 * intake's lookup for other modules that cite a petition (findings: a working paper's 问题来源 信访举报): the
 * petitions of one inspection the caller may read, under intake's own scope rules in SQL
 * ({@code PetitionRepository.readable}: the office of the body, the inspection's team, DISCIPLINE only what was
 * transferred to it; a TARGET and everybody else read nothing). Nothing is audited: it reads no content and no
 * identity, only {@link PetitionReference}s.
 */
@Service
public class PetitionReferences {

    private final PetitionRepository petitions;

    PetitionReferences(PetitionRepository petitions) {
        this.petitions = petitions;
    }

    /** The inspection's petitions the caller may read, newest first (at most 500). */
    @Transactional(readOnly = true)
    public List<PetitionReference> of(DataScope scope, InspectionId inspection) {
        return petitions.references(scope, inspection.value(), null);
    }

    /** The petition if it belongs to the inspection and the caller may read it; empty otherwise (forged ids too). */
    @Transactional(readOnly = true)
    public Optional<PetitionReference> find(DataScope scope, InspectionId inspection, long id) {
        return petitions.references(scope, inspection.value(), id).stream().findFirst();
    }
}
