package org.xuncha.common;

/** Typed id used between modules; the owning module keeps the aggregate. */
public record OrganizationId(long value) {

    public OrganizationId {
        if (value <= 0) {
            throw new IllegalArgumentException("OrganizationId must be positive");
        }
    }

    public static OrganizationId of(long value) {
        return new OrganizationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
