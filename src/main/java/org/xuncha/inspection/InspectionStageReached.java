package org.xuncha.inspection;

import java.time.LocalDate;

import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;

/**
 * A forward move of an inspection's stage (DESIGN §3), published by {@link InspectionStages} in the transaction of
 * the move: one past-tense event per stage after PREPARING. Every one carries what a listener needs to file the
 * inspection from that event alone — body, round, team name, the cross form — because listeners run after the
 * commit, asynchronously, and after a restart outstanding events are delivered again in no particular order: a
 * listener inserts the inspection if absent and moves its own copy of the stage only forward
 * ({@link InspectionStage#reached(InspectionStage)}), so a repeated or late event changes nothing.
 */
public sealed interface InspectionStageReached
        permits InspectionStationed, InspectionWithdrawn, FeedbackDelivered, RectificationStarted, InspectionClosed {

    InspectionId inspection();

    /** The body that runs the inspection (its data scope). */
    BodyId body();

    RoundId round();

    String teamName();

    /** Whether the inspection has the cross form (交叉巡察). */
    boolean cross();

    /** The date the move takes effect (进驻、撤离、反馈、整改、报结日期). */
    LocalDate on();

    /** The stage the inspection reached by this move. */
    InspectionStage reached();
}
