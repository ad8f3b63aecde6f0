package org.xuncha.intake;

/** Register filters; null means "any". {@code overdue} true: only petitions past their deadline and not closed. */
record PetitionFilter(Long inspection, PetitionStatus status, PetitionChannel channel, PetitionCategory category,
                      Disposition disposition, Boolean overdue) {

    static PetitionFilter none() {
        return new PetitionFilter(null, null, null, null, null, null);
    }
}
