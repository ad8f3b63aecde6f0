package org.xuncha.intake;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * Builds {@link PetitionStatistics} for the caller: only inspections in its scope count (the office its bodies, a
 * team its own inspections); a TARGET account gets zeros, never a count about its organization.
 */
@Component
class PetitionStatisticsReport {

    private final PetitionRepository petitions;
    private final Petitions desk;

    PetitionStatisticsReport(PetitionRepository petitions, Petitions desk) {
        this.petitions = petitions;
        this.desk = desk;
    }

    @Transactional(readOnly = true)
    PetitionStatistics of(DataScope scope, Long inspection, Long round) {
        Map<String, Long> channels = petitions.countBy("channel", scope, inspection, round);
        Map<String, Long> categories = petitions.countBy("category", scope, inspection, round);
        Map<String, Long> dispositions = petitions.countBy("disposition", scope, inspection, round);
        List<PetitionStatistics.Count> byChannel = Arrays.stream(PetitionChannel.values())
                .map(c -> new PetitionStatistics.Count(c.name(), c.label(), channels.getOrDefault(c.name(), 0L))).toList();
        List<PetitionStatistics.Count> byCategory = Arrays.stream(PetitionCategory.values())
                .map(c -> new PetitionStatistics.Count(c.name(), c.label(), categories.getOrDefault(c.name(), 0L))).toList();
        List<PetitionStatistics.Count> byDisposition = new ArrayList<>(Arrays.stream(Disposition.values())
                .map(d -> new PetitionStatistics.Count(d.name(), d.label(), dispositions.getOrDefault(d.name(), 0L))).toList());
        byDisposition.add(new PetitionStatistics.Count("", "未分办", dispositions.getOrDefault("", 0L)));
        long total = channels.values().stream().mapToLong(Long::longValue).sum();

        LocalDate today = desk.today();
        long[] cross = new long[3];
        long[] local = new long[3];
        for (var i : petitions.stationedInspections(scope, inspection, round)) {
            LocalDate end = i.withdrawnOn() != null ? i.withdrawnOn() : today;
            long days = Math.max(0, ChronoUnit.DAYS.between(i.stationedOn(), end) + 1);
            long[] group = i.cross() ? cross : local;
            group[0]++;
            group[1] += i.petitions();
            group[2] += days;
        }
        List<PetitionStatistics.Rate> comparison = scope.has(Role.TARGET) ? List.of() : List.of(
                new PetitionStatistics.Rate("交叉巡察", cross[0], cross[1], cross[2]),
                new PetitionStatistics.Rate("非交叉巡察", local[0], local[1], local[2]));
        return new PetitionStatistics(total, byChannel, byCategory, byDisposition, comparison);
    }
}
