package org.xuncha.intake;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.xuncha.platform.web.RejectedRequests;

/**
 * A malformed request to the public side costs its client a token, like a request that got through: a scan of
 * broken uploads runs into the same limit as a flood of reports. Status lookups count against the lookup limit.
 */
@Component
class PublicRejections implements RejectedRequests {

    private final PublicThrottle throttle;

    PublicRejections(PublicThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void rejected(HttpServletRequest request) {
        throttle.rejected(request);
    }
}
