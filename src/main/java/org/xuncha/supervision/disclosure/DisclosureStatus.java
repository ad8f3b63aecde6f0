package org.xuncha.supervision.disclosure;

/**
 * Where a disclosure stands: the office drafts it (起草中, the only state that takes edits), approves it (已审定), and
 * publishes it (已公开, the public page exists). 退回修改 takes an approved or published one back to the draft; the
 * public page then disappears until it is published again.
 */
public enum DisclosureStatus {
    DRAFT("起草中"), APPROVED("已审定"), PUBLISHED("已公开");

    private final String label;

    DisclosureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean editable() {
        return this == DRAFT;
    }

    public boolean canMoveTo(DisclosureStatus to) {
        return switch (this) {
            case DRAFT -> to == APPROVED;
            case APPROVED -> to == PUBLISHED || to == DRAFT;
            case PUBLISHED -> to == DRAFT;
        };
    }
}
