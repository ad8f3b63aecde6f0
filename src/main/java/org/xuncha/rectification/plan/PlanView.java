package org.xuncha.rectification.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A plan as its page and the API show it: the plan, the three lists — 问题清单 (the fed-back problems), 任务清单 and
 * 责任清单 (both of its items, shown by problem) —, the signatures, the joint review's opinions and decisions, and what
 * the caller may do now.
 */
public record PlanView(Plan plan, boolean late, List<Problem> problems, List<Signature> signatures,
                       List<Opinion> opinions, List<Decision> decisions, ReviewParticipant participant, Actions can) {

    /** A fed-back problem (问题清单) with the items that answer it. */
    public record Problem(long id, int position, String headingLabel, String wording, List<Item> items) {
    }

    /** A ledger item as drafted with the plan (任务清单 and 责任清单). */
    public record Item(long id, long feedbackItemId, int position, String goal, String measures, String leaderName,
                       String department, String handlerName, LocalDate dueOn, String mechanism, int rowVersion) {
    }

    /** A 签字背书 of the 主要负责人: the account, its name, the post it signed as, the submission it preceded. */
    public record Signature(int round, String signedByName, String signedPost, int itemCount, OffsetDateTime signedAt) {
    }

    /** One participant's opinion in one round (append-only; a later one of the same participant supersedes it). */
    public record Opinion(long id, int round, ReviewParticipant participant, Map<ReviewQuestion, Answer> answers,
                          String opinion, String givenByName, OffsetDateTime givenAt, boolean current) {
    }

    public record Answer(boolean ok, String note) {
    }

    /** The office's decision on one submission. */
    public record Decision(int round, ReviewDecision decision, String reason, LocalDate decidedOn, String decidedByName,
                           OffsetDateTime decidedAt) {
    }

    /** What the caller may do now (the page shows these forms; the service checks them again). */
    public record Actions(boolean edit, boolean sign, boolean submit, boolean lifeMeeting, boolean opine,
                          boolean decide) {
    }
}
