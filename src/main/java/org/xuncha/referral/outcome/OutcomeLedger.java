package org.xuncha.referral.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.xuncha.referral.Form;
import org.xuncha.referral.HandlingWay;
import org.xuncha.referral.OutcomeKind;

/**
 * The current record of one item computed from its append-only events (a pure function, no database): an event
 * counts unless another event corrects it, and a {@link OutcomeKind#RETRACTED} correction counts as nothing.
 *
 * <p>The rules it checks ({@link #problem}) and the closure it derives ({@link #closedOn}):
 * <ul>
 * <li>every standing 结案 has a standing 立案 of the same person (both naming nobody: of the item) dated on or before
 * it;</li>
 * <li>予以了结 and a standing 立案 exclude each other (a case ends by 结案, a lead without a case by 予以了结);</li>
 * <li>the item is closed (已办结) on the date of its last 结案 once every standing 立案 has its 结案; without any 立案,
 * on the date of its 予以了结. 暂存待查, 谈话函询 and 初步核实 leave it open.</li>
 * </ul>
 */
final class OutcomeLedger {

    private final List<OutcomeEvent> events;

    private OutcomeLedger(List<OutcomeEvent> events) {
        this.events = List.copyOf(events);
    }

    static OutcomeLedger of(List<OutcomeEvent> events) {
        return new OutcomeLedger(events);
    }

    /** The ledger as it would be with one more event (a candidate not yet stored: any id not in use). */
    OutcomeLedger with(OutcomeEvent candidate) {
        List<OutcomeEvent> next = new ArrayList<>(events);
        next.add(candidate);
        return new OutcomeLedger(next);
    }

    List<OutcomeEvent> all() {
        return events;
    }

    Set<Long> correctedIds() {
        Set<Long> ids = new HashSet<>();
        for (OutcomeEvent e : events) {
            if (e.correctsId() != null) {
                ids.add(e.correctsId());
            }
        }
        return ids;
    }

    /** The events that count, in the order recorded. */
    List<OutcomeEvent> current() {
        Set<Long> corrected = correctedIds();
        return events.stream().filter(e -> !corrected.contains(e.id()))
                .filter(e -> e.kind() != OutcomeKind.RETRACTED).toList();
    }

    /** Whether an event may be corrected now: it is one of the item's, not itself corrected, not a retraction. */
    boolean correctable(long id) {
        return current().stream().anyMatch(e -> e.id() == id);
    }

    /** The first rule the current record breaks, as a Chinese message, or null. */
    String problem() {
        List<OutcomeEvent> now = current();
        for (OutcomeEvent closed : now) {
            if (closed.kind() != OutcomeKind.CASE_CLOSED) {
                continue;
            }
            boolean filed = now.stream().anyMatch(f -> f.kind() == OutcomeKind.CASE_FILED
                    && Objects.equals(f.personId(), closed.personId())
                    && !f.occurredOn().isAfter(closed.occurredOn()));
            if (!filed) {
                return closed.personId() == null
                        ? "结案须有在先的立案记录（" + closed.occurredOn() + "之前或当日未立案）"
                        : "结案须有同一人员在先的立案记录（" + closed.occurredOn() + "之前或当日该人员未立案）";
            }
        }
        boolean concluded = now.stream().anyMatch(OutcomeLedger::concludes);
        boolean filed = now.stream().anyMatch(e -> e.kind() == OutcomeKind.CASE_FILED);
        if (concluded && filed) {
            return "已立案的线索以结案办结，不能予以了结";
        }
        return null;
    }

    /** The date the item is closed (已办结) by its current record, or empty while it is open. */
    Optional<LocalDate> closedOn() {
        List<OutcomeEvent> now = current();
        Map<Optional<Long>, LocalDate> filed = new HashMap<>();
        Map<Optional<Long>, LocalDate> closed = new HashMap<>();
        for (OutcomeEvent e : now) {
            if (e.kind() == OutcomeKind.CASE_FILED) {
                filed.merge(Optional.ofNullable(e.personId()), e.occurredOn(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (e.kind() == OutcomeKind.CASE_CLOSED) {
                closed.merge(Optional.ofNullable(e.personId()), e.occurredOn(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (!filed.isEmpty()) {
            if (!closed.keySet().containsAll(filed.keySet())) {
                return Optional.empty();
            }
            return closed.values().stream().max(LocalDate::compareTo);
        }
        return now.stream().filter(OutcomeLedger::concludes).map(OutcomeEvent::occurredOn).max(LocalDate::compareTo);
    }

    /** Each person's 四种形态 from their current events (persons in no form are absent), by person id. */
    Map<Long, Form> forms() {
        Map<Long, List<Form>> byPerson = new TreeMap<>();
        for (OutcomeEvent e : current()) {
            if (e.personId() == null) {
                continue;
            }
            Form.of(e.kind(), e.codeValue()).ifPresent(f -> byPerson.computeIfAbsent(e.personId(),
                    k -> new ArrayList<>()).add(f));
        }
        Map<Long, Form> forms = new TreeMap<>();
        byPerson.forEach((person, fs) -> Form.heaviest(fs).ifPresent(f -> forms.put(person, f)));
        return forms;
    }

    private static boolean concludes(OutcomeEvent e) {
        return e.kind() == OutcomeKind.HANDLING_WAY && HandlingWay.CONCLUDED.name().equals(e.code());
    }
}
