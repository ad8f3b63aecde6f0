package org.xuncha.platform.security;

/** Security events the platform raises and the audit module records (kept as an interface to avoid a cycle). */
public interface SecurityEvents {

    /** An access was denied; {@code what} is the method and path, never a query string or body. */
    void denied(String what);
}
