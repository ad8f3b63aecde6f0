package org.xuncha.referral.letter;

/**
 * One row of the letter's table.
 *
 * @param position       序号, from 1
 * @param subjectLabel   类别: the label of referral.SubjectKind (问题线索, 信访件)
 * @param title          线索标题
 * @param source         来源: the inspection team's name, or 信访
 * @param personCount    涉及人数 (never their names)
 * @param violationLabel 问题性质, e.g. 廉洁纪律
 */
@org.springframework.modulith.NamedInterface("letter")
public record LetterLine(int position, String subjectLabel, String title, String source, int personCount,
                         String violationLabel) {
}
