package org.xuncha.rectification.redcard;

import org.xuncha.rectification.RedCardKind;
import org.xuncha.rectification.RedCardStatus;

/** What the red-card list asks for; every field optional. */
record RedCardFilter(RedCardKind kind, RedCardStatus status, Long organization) {

    static RedCardFilter of(String kind, String status, Long organization) {
        return new RedCardFilter(kind == null || kind.isBlank() ? null : RedCardKind.parse(kind).orElse(null),
                status == null || status.isBlank() ? null : RedCardStatus.parse(status).orElse(null),
                organization == null || organization <= 0 ? null : organization);
    }

    String query() {
        StringBuilder q = new StringBuilder();
        if (kind != null) {
            q.append("&kind=").append(kind.name());
        }
        if (status != null) {
            q.append("&status=").append(status.name());
        }
        if (organization != null) {
            q.append("&organization=").append(organization);
        }
        return q.toString();
    }
}
