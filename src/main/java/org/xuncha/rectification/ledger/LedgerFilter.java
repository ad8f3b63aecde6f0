package org.xuncha.rectification.ledger;

import org.xuncha.rectification.ItemStatus;

/**
 * What the ledger page asks for; every field optional. {@code band} and {@code warning} pick open items only (a
 * signed-off item has no deadline band and no warning); {@code redCard} (有红牌) items with a confirmed red card.
 */
record LedgerFilter(Long organization, Long body, Long inspection, ItemStatus status, DeadlineBand band,
                    WarningLevel warning, boolean redCard) {

    LedgerFilter(Long organization, Long body, Long inspection, ItemStatus status, DeadlineBand band) {
        this(organization, body, inspection, status, band, null, false);
    }

    static LedgerFilter none() {
        return new LedgerFilter(null, null, null, null, null, null, false);
    }

    static LedgerFilter of(Long organization, Long body, Long inspection, String status, String band,
                           String warning, String redCard) {
        return new LedgerFilter(organization, body, inspection,
                status == null || status.isBlank() ? null : ItemStatus.parse(status).orElse(null),
                band == null || band.isBlank() ? null : DeadlineBand.parse(band).orElse(null),
                warning == null || warning.isBlank() ? null : WarningLevel.parse(warning).orElse(null),
                "1".equals(redCard) || "true".equals(redCard));
    }

    /** The same filter for one organization (the export's sheets). */
    LedgerFilter forOrganization(long id) {
        return new LedgerFilter(id, body, inspection, status, band, warning, redCard);
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
        if (warning != null) {
            q.append("&warning=").append(warning.name());
        }
        if (redCard) {
            q.append("&redCard=1");
        }
        return q.toString();
    }
}
