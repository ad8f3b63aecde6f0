package org.xuncha.findings;

/**
 * The work logs of one inspection as the report and the report card count them, withdrawn logs left out: talks in
 * 人次, visits in 次 with the persons reached, questionnaires issued and returned in 份, records readings in 次 with
 * their pages, personal-matters checks in 人, meetings attended and grassroots visits in 次.
 */
public record WorkLogCounts(long talks, long visits, long personsVisited, long questionnairesIssued,
                            long questionnairesReturned, long recordsReadings, long recordsPages,
                            long personalMattersChecked, long meetings, long grassroots) {

    public static final WorkLogCounts NONE = new WorkLogCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
