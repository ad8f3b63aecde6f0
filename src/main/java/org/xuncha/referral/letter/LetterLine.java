package org.xuncha.referral.letter;

/** One transferred lead or petition in a letter; {@code source} is the team's name, or 信访 for a petition. */
public record LetterLine(int position, String subjectLabel, String title, String source, int personCount,
                         String violationLabel) {
}
