package org.xuncha.rectification.ledger;

import org.xuncha.rectification.ItemStatus;

/**
 * What the ledger page asks for; every field optional. {@code band} picks open items only (a signed-off item has no
 * deadline band); {@code redCard} (有红牌) items with a confirmed red card.
 */
record LedgerFilter(Long organization, Long body, Long inspection, ItemStatus status, DeadlineBand band,
                    boolean redCard) {

    LedgerFilter(Long organization, Long body, Long inspection, ItemStatus status, DeadlineBand band) {
        this(organization, body, inspection, status, band, false);
    }

    static LedgerFilter none() {
        return new LedgerFilter(null, null, null, null, null);
    }

    static LedgerFilter of(Long organization, Long body, Long inspection, String status, String band) {
        return of(organization, body, inspection, status, band, null);
    }

    static LedgerFilter of(Long organization, Long body, Long inspection, String status, String band,
                           String redCard) {
        return new LedgerFilter(organization, body, inspection,
                status == null || status.isBlank() ? null : ItemStatus.parse(status).orElse(null),
                band == null || band.isBlank() ? null : DeadlineBand.parse(band).orElse(null),
                "1".equals(redCard) || "true".equals(redCard));
    }

    String query() {
        StringBuilder q = new StringBuilder();
        if (organization != null) {
            q.append("&organization=").append(organization);
        }
        if (body != null) {
            q.append("&body=").append(body);
        }
        if (inspection != null) {
            q.append("&inspection=").append(inspection);
        }
        if (status != null) {
            q.append("&status=").append(status.name());
        }
        if (band != null) {
            q.append("&band=").append(band.name());
        }
        if (redCard) {
            q.append("&redCard=1");
        }
        return q.toString();
    }
}
