package org.xuncha.referral;

/** Typed id of a transferred item (transfer_item: a lead or petition as transferred), used between modules. */
public record TransferItemId(long value) {

    public TransferItemId {
        if (value <= 0) {
            throw new IllegalArgumentException("TransferItemId must be positive");
        }
    }

    public static TransferItemId of(long value) {
        return new TransferItemId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
