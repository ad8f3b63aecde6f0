package org.xuncha.supervision.revisit;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * Per-client limit of the questionnaire's answers, the public side's mechanism (intake's PublicThrottle, which is
 * intake's own): a client is the keyed hash of the connection's address ({@link KeyedHash#clientAddress}) — never
 * the address, never X-Forwarded-For — kept only in this process's memory, never stored or logged. A token bucket of
 * {@code burst} answers, then one more every {@code refill} seconds; enough for a meeting room of cadres behind one
 * address answering in turn, not for stuffing the count.
 */
@Component
class SurveyThrottle {

    static final int MAX_CLIENTS = 100_000;

    private final KeyedHash hashes;
    private final int capacity;
    private final long refillNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    SurveyThrottle(KeyedHash hashes, @Value("${xuncha.supervision.survey-burst:30}") int burst,
                   @Value("${xuncha.supervision.survey-refill-seconds:20}") long refillSeconds) {
        this.hashes = hashes;
        this.capacity = burst;
        this.refillNanos = refillSeconds * 1_000_000_000L;
    }

    boolean allow(HttpServletRequest request) {
        if (buckets.size() > MAX_CLIENTS) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.idle(now));
            if (buckets.size() > MAX_CLIENTS) {
                buckets.clear();
            }
        }
        return buckets.computeIfAbsent(hashes.clientAddress(request.getRemoteAddr()), k -> new Bucket()).take();
    }

    private final class Bucket {
        private double tokens = capacity;
        private long last = System.nanoTime();

        synchronized boolean take() {
            refill(System.nanoTime());
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean idle(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = refillNanos <= 0 ? capacity : Math.min(capacity, tokens + (double) (now - last) / refillNanos);
            last = now;
        }
    }
}
