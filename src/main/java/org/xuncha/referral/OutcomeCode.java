package org.xuncha.referral;

/**
 * A coded choice inside an outcome event (a handling way, a sanction, an organizational measure), stored by its enum
 * name in {@code referral_outcome.code}: its Chinese label, and the 四种形态 it puts a person in ({@code null} when it
 * classifies nobody, as a handling way).
 */
public interface OutcomeCode {

    String name();

    String label();

    Form form();
}
