package org.xuncha.common;

/** Implemented by the signed-in principal, so modules learn the account id without depending on identity. */
public interface HasUserId {

    UserId userId();
}
