package org.xuncha.rectification.ledger;

import org.xuncha.rectification.ItemStatus;

/**
 * What the ledger page asks for; every field optional. {@code band} and {@code warning} pick open items only (a
 * signed-off item has no deadline band and no warning).
 */
record LedgerFilter(Long organization, Long body, Long inspection, ItemStatus status, DeadlineBand band,
                    WarningLevel warning) {

    static LedgerFilter none() {
        return new LedgerFilter(null, null, null, null, null, null);
    }

    static LedgerFilter of(Long organization, Long body, Long inspection, String status, String band,
                           String warning) {
        return new LedgerFilter(organization, body, inspection,
                status == null || status.isBlank() ? null : ItemStatus.parse(status).orElse(null),
                band == null || band.isBlank() ? null : DeadlineBand.parse(band).orElse(null),
                warning == null || warning.isBlank() ? null : WarningLevel.parse(warning).orElse(null));
    }

    /** The same filter for one organization (the export's sheets). */
    LedgerFilter forOrganization(long id) {
        return new LedgerFilter(id, body, inspection, status, band, warning);
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
        return q.toString();
    }
}
