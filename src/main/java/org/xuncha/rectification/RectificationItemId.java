package org.xuncha.rectification;

/** Typed id of a ledger item (rectification_item: one 整改事项 of an approved plan), used between modules. */
public record RectificationItemId(long value) {

    public RectificationItemId {
        if (value <= 0) {
            throw new IllegalArgumentException("RectificationItemId must be positive");
        }
    }

    public static RectificationItemId of(long value) {
        return new RectificationItemId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
