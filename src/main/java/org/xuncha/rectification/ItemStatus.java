package org.xuncha.rectification;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a ledger item (整改事项) stands, and who may move it where (issue 14 §4). The plan helper drafts items as
 * {@link #NOT_STARTED}; the first progress report of the TARGET moves them to {@link #IN_PROGRESS}
 * ({@link #afterProgress}). Every other move is one of {@link #moves()}: the TARGET asks (申请销号, 申请不能整改), the
 * office of the body decides (销号, 退回, 持续整改, 二次整改, 同意 / 不同意不能整改).
 *
 * <ul>
 * <li>申请销号 needs evidence on the item, from 整改中, 持续整改 or 二次整改 — an item never reported on has nothing
 * to review;</li>
 * <li>销号 (对账销号) only from 申请销号, after the office reviewed the evidence, with its opinion; 退回 sends a refused
 * request back to 整改中 with reasons;</li>
 * <li>持续整改 is a long-term item: milestones, the next check date and the body responsible; the office records each
 * check as a move 持续整改 → 持续整改, and the TARGET asks for 销号 once it is done;</li>
 * <li>二次整改 reopens an item a check found inadequate — a signed-off one (its sign-off then stops counting) or a
 * long-term one — with reasons; it takes progress and asks for 销号 like 整改中;</li>
 * <li>不能整改 is asked by the TARGET with reasons and approved by the office (final), or refused back to 整改中.</li>
 * </ul>
 * 已销号 takes no progress report; 不能整改 is final.
 */
public enum ItemStatus {
    NOT_STARTED("未开始"),
    IN_PROGRESS("整改中"),
    SIGN_OFF_REQUESTED("申请销号"),
    SIGNED_OFF("已销号"),
    LONG_TERM("持续整改"),
    REOPENED("二次整改"),
    CANNOT_RECTIFY_REQUESTED("申请不能整改"),
    CANNOT_RECTIFY("不能整改");

    /** Who takes a move: the inspected organization (TARGET of the item's organization) or the office of the body. */
    public enum Actor {
        TARGET, OFFICE
    }

    /** What a move asks for besides the row version: a reason (退回, 二次整改 …), the long-term plan. */
    public enum Needs {
        NOTE, REASON, OPINION, LONG_TERM_PLAN
    }

    /**
     * One allowed move.
     *
     * @param code  stable name of the move (API, audit details)
     * @param label the button's words
     * @param needs what the form must carry (NOTE: optional note; REASON / OPINION: required text; LONG_TERM_PLAN:
     *              milestones, next check date and the responsible body)
     */
    public record Move(String code, ItemStatus from, ItemStatus to, Actor actor, String label, Needs needs) {
    }

    private static final List<Move> MOVES = List.of(
            new Move("REQUEST_SIGN_OFF", IN_PROGRESS, SIGN_OFF_REQUESTED, Actor.TARGET, "申请销号", Needs.NOTE),
            new Move("REQUEST_SIGN_OFF", LONG_TERM, SIGN_OFF_REQUESTED, Actor.TARGET, "申请销号", Needs.NOTE),
            new Move("REQUEST_SIGN_OFF", REOPENED, SIGN_OFF_REQUESTED, Actor.TARGET, "申请销号", Needs.NOTE),
            new Move("REQUEST_CANNOT", NOT_STARTED, CANNOT_RECTIFY_REQUESTED, Actor.TARGET, "申请不能整改", Needs.REASON),
            new Move("REQUEST_CANNOT", IN_PROGRESS, CANNOT_RECTIFY_REQUESTED, Actor.TARGET, "申请不能整改", Needs.REASON),
            new Move("REQUEST_CANNOT", LONG_TERM, CANNOT_RECTIFY_REQUESTED, Actor.TARGET, "申请不能整改", Needs.REASON),
            new Move("REQUEST_CANNOT", REOPENED, CANNOT_RECTIFY_REQUESTED, Actor.TARGET, "申请不能整改", Needs.REASON),
            new Move("SIGN_OFF", SIGN_OFF_REQUESTED, SIGNED_OFF, Actor.OFFICE, "对账销号", Needs.OPINION),
            new Move("RETURN", SIGN_OFF_REQUESTED, IN_PROGRESS, Actor.OFFICE, "退回（不予销号）", Needs.REASON),
            new Move("LONG_TERM", SIGN_OFF_REQUESTED, LONG_TERM, Actor.OFFICE, "转为持续整改", Needs.LONG_TERM_PLAN),
            new Move("LONG_TERM", IN_PROGRESS, LONG_TERM, Actor.OFFICE, "转为持续整改", Needs.LONG_TERM_PLAN),
            new Move("LONG_TERM", REOPENED, LONG_TERM, Actor.OFFICE, "转为持续整改", Needs.LONG_TERM_PLAN),
            new Move("CHECK", LONG_TERM, LONG_TERM, Actor.OFFICE, "记录阶段检查", Needs.LONG_TERM_PLAN),
            new Move("REOPEN", SIGNED_OFF, REOPENED, Actor.OFFICE, "二次整改", Needs.REASON),
            new Move("REOPEN", LONG_TERM, REOPENED, Actor.OFFICE, "二次整改", Needs.REASON),
            new Move("APPROVE_CANNOT", CANNOT_RECTIFY_REQUESTED, CANNOT_RECTIFY, Actor.OFFICE, "同意不能整改",
                    Needs.OPINION),
            new Move("REFUSE_CANNOT", CANNOT_RECTIFY_REQUESTED, IN_PROGRESS, Actor.OFFICE, "不同意，继续整改",
                    Needs.REASON));

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The moves that leave this state (progress reports aside). */
    public List<Move> moves() {
        return MOVES.stream().filter(m -> m.from() == this).toList();
    }

    /** The moves of {@code actor} from this state. */
    public List<Move> movesOf(Actor actor) {
        return moves().stream().filter(m -> m.actor() == actor).toList();
    }

    /** The move named {@code code} from this state, if there is one. */
    public Optional<Move> move(String code) {
        return moves().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** The states a move (or the first progress report) leads to from here. */
    public Set<ItemStatus> next() {
        Set<ItemStatus> next = EnumSet.noneOf(ItemStatus.class);
        moves().forEach(m -> next.add(m.to()));
        if (this == NOT_STARTED) {
            next.add(IN_PROGRESS);
        }
        return next;
    }

    public boolean canMoveTo(ItemStatus target) {
        return target != null && next().contains(target);
    }

    /** Whether the TARGET may report progress: never on a signed-off item, nor on one the office ruled unfixable. */
    public boolean acceptsProgress() {
        return this != SIGNED_OFF && this != CANNOT_RECTIFY;
    }

    /** The state after a progress report: the first one starts the work (未开始 → 整改中); others keep the state. */
    public ItemStatus afterProgress() {
        if (!acceptsProgress()) {
            throw new IllegalStateException(this + " takes no progress");
        }
        return this == NOT_STARTED ? IN_PROGRESS : this;
    }

    /** Whether work on the item is still open (deadline bands, 待办): not signed off and not ruled unfixable. */
    public boolean open() {
        return this != SIGNED_OFF && this != CANNOT_RECTIFY;
    }

    /** Every move code, for the audit vocabulary and the API's documentation. */
    public static List<String> moveCodes() {
        return MOVES.stream().map(Move::code).distinct().toList();
    }

    /** The label of a move code (the same code has the same words from every state). */
    public static String moveLabel(String code) {
        return MOVES.stream().filter(m -> m.code().equals(code)).map(Move::label).findFirst().orElse(code);
    }

    public static Optional<ItemStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
