package org.xuncha.rectification.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The national schedule of 法定节假日 and 调休 working days as the 国务院办公厅 publishes it each year, shipped as
 * {@code rectification/national-holidays.tsv} (each year's notice is cited there). Read once; a year without lines
 * is not shipped, and its days follow the weekly rule plus the office's own entries.
 */
public final class NationalSchedule {

    static final String RESOURCE = "rectification/national-holidays.tsv";

    /** One listed day of the schedule. */
    public record Day(LocalDate on, CalendarDayKind kind, String name) {
    }

    private static final NationalSchedule SHIPPED = read(RESOURCE);

    private final Map<LocalDate, Day> days;
    private final SortedSet<Integer> years;

    private NationalSchedule(Map<LocalDate, Day> days) {
        this.days = Collections.unmodifiableMap(days);
        TreeSet<Integer> y = new TreeSet<>();
        days.keySet().forEach(d -> y.add(d.getYear()));
        this.years = Collections.unmodifiableSortedSet(y);
    }

    /** The schedule shipped with the application. */
    public static NationalSchedule shipped() {
        return SHIPPED;
    }

    public Optional<Day> day(LocalDate on) {
        return Optional.ofNullable(days.get(on));
    }

    /** Whether the notice of {@code year} is in the file. */
    public boolean shipped(int year) {
        return years.contains(year);
    }

    public SortedSet<Integer> years() {
        return years;
    }

    public List<Day> ofYear(int year) {
        return days.values().stream().filter(d -> d.on().getYear() == year).toList();
    }

    static NationalSchedule read(String resource) {
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        try (InputStream in = NationalSchedule.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    throw new IllegalStateException(resource + ":" + n + ": three tab-separated columns expected");
                }
                LocalDate on = LocalDate.parse(cols[0].strip());
                Day day = new Day(on, CalendarDayKind.valueOf(cols[1].strip()), cols[2].strip());
                if (days.put(on, day) != null) {
                    throw new IllegalStateException(resource + ":" + n + ": " + on + " listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NationalSchedule(days);
    }
}
