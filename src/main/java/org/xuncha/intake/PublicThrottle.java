package org.xuncha.intake;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * Per-client limits of the public side, kept only in this process's memory (docs/security.md; with n instances a client
 * gets at most n times the limit). A client is the keyed hash of the connection's address — never the address,
 * never X-Forwarded-For (a client could forge it to escape the limit) — and nothing here is stored or logged.
 * Token buckets: {@code capacity} requests at once, then one more every {@code refill} interval. Status lookups are
 * strict, so that guessing receipts online is hopeless on top of their 10^20 space: 5 at once, then one every
 * two minutes. When the table outgrows its bound, idle clients go first; if every entry is busy the table starts
 * afresh (memory is bounded at the price of a moment's leniency).
 */
@Component
class PublicThrottle {

    static final int MAX_CLIENTS = 100_000;

    enum Kind { REPORT, STATUS }

    private final KeyedHash hashes;
    private final Limit reportLimit;
    private final Limit lookupLimit;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    record Limit(int capacity, long refillNanos) {
    }

    PublicThrottle(KeyedHash hashes,
                   @Value("${xuncha.intake.reports-burst:20}") int reportBurst,
                   @Value("${xuncha.intake.reports-refill-seconds:30}") long reportRefillSeconds,
                   @Value("${xuncha.intake.status-burst:5}") int statusBurst,
                   @Value("${xuncha.intake.status-refill-seconds:120}") long statusRefillSeconds) {
        this.hashes = hashes;
        this.reportLimit = new Limit(reportBurst, reportRefillSeconds * 1_000_000_000L);
        this.lookupLimit = new Limit(statusBurst, statusRefillSeconds * 1_000_000_000L);
    }

    /** Takes one token for the client of the request; false when it has to wait. */
    boolean allow(HttpServletRequest request, Kind kind) {
        return allow(hashes.clientAddress(client(request.getRemoteAddr())), kind);
    }

    /**
     * Counts a request refused as malformed against its client, if it was one of the public side's: status lookups
     * against the lookup limit, everything else against the report limit.
     */
    void rejected(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/r/status") || path.equals("/api/public/reports/status")) {
            allow(request, Kind.STATUS);
        } else if (path.startsWith("/r/") || path.startsWith("/api/public/")) {
            allow(request, Kind.REPORT);
        }
    }

    /**
     * The part of an address that names a client: an IPv4 address as it is; for IPv6 its /64 network, because one
     * subscriber is usually given a whole /64 and could otherwise take a fresh address (and a fresh limit) per request.
     */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal address: InetAddress parses it without any name lookup
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder("v6/64:");
            for (int i = 0; i < 8; i++) {
                network.append(String.format("%02x", bytes[i]));
            }
            return network.toString();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    boolean allow(String clientKey, Kind kind) {
        Limit limit = kind == Kind.REPORT ? reportLimit : lookupLimit;
        if (buckets.size() > MAX_CLIENTS) {
            prune();
        }
        Bucket bucket = buckets.computeIfAbsent(kind.name() + ":" + clientKey, k -> new Bucket(limit));
        return bucket.take();
    }

    private void prune() {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> b.idle(now));
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
    }

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long last;

        Bucket(Limit limit) {
            this.limit = limit;
            this.tokens = limit.capacity();
            this.last = System.nanoTime();
        }

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
            return tokens >= limit.capacity();
        }

        private void refill(long now) {
            if (limit.refillNanos() <= 0) {
                tokens = limit.capacity();
            } else {
                tokens = Math.min(limit.capacity(), tokens + (double) (now - last) / limit.refillNanos());
            }
            last = now;
        }
    }
}
