package org.xuncha;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.platform.time.BusinessClock;

/** House rules (brief "Shape of the code"), checked on the product classes. */
@org.junit.jupiter.api.Tag("pure")
class ArchitectureTests {

    static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.xuncha");

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class)
                .because("dependencies come through the constructor").check(PRODUCT);
    }

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic().check(PRODUCT);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes().that().areAssignableTo(org.springframework.data.repository.Repository.class)
                .or().haveSimpleNameEndingWith("Repository")
                .should().notBePublic().allowEmptyShould(true).check(PRODUCT);
    }

    @Test
    void entitiesAreNotPublic() {
        classes().that().containAnyFieldsThat(com.tngtech.archunit.base.DescribedPredicate.describe("@Id",
                        f -> f.isAnnotatedWith(org.springframework.data.annotation.Id.class)))
                .should().notBePublic().allowEmptyShould(true).check(PRODUCT);
    }

    @Test
    void statusAndStateFieldsAreEnums() {
        fields().that().haveNameMatching("(?i).*(status|state|stage)")
                .and().areNotStatic()
                .should().haveRawType(com.tngtech.archunit.base.DescribedPredicate.describe("an enum",
                        t -> t.isEnum()))
                .allowEmptyShould(true).check(PRODUCT);
    }

    @Test
    void noLegacyDates() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
                .check(PRODUCT);
    }

    @Test
    void noGrabBagOrInterfacePairNames() {
        noClasses().should().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Impl")
                .orShould().haveNameMatching(".*\\.I[A-Z][a-z].*")
                .check(PRODUCT);
    }

    @Test
    void noControllerServiceMapperLayerPackages() {
        noClasses().should().resideInAnyPackage("..controller..", "..service..", "..mapper..", "..dao..")
                .check(PRODUCT);
    }

    /** Types whose {@code now()} / {@code now(ZoneId)} read the system clock (only {@code now(Clock)} is allowed). */
    static final Set<String> TEMPORALS = Set.of("java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.LocalTime", "java.time.OffsetTime",
            "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    /** Other ways to the system clock or to a zone that is not the configured one, by owner. */
    static final Map<String, Set<String>> CLOCK_AND_ZONE_READERS = Map.of(
            "java.time.Clock", Set.of("systemDefaultZone", "systemUTC", "system", "tickMillis", "tickSeconds",
                    "tickMinutes"),
            "java.time.ZoneId", Set.of("of", "systemDefault"),
            "java.util.TimeZone", Set.of("getDefault", "getTimeZone"),
            "java.lang.System", Set.of("currentTimeMillis"));

    static final DescribedPredicate<JavaAccess<?>> SYSTEM_CLOCK_OR_ZONE = DescribedPredicate.describe(
            "the system clock or a zone of its own (no-argument now(), now(ZoneId), Clock.system*(), ZoneId.of, "
                    + "ZoneId.systemDefault, TimeZone.getDefault, System.currentTimeMillis)", access -> {
                if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                    return false;
                }
                String owner = target.getOwner().getName();
                String name = target.getName();
                List<JavaClass> parameters = target.getRawParameterTypes();
                if (TEMPORALS.contains(owner) && name.equals("now")) {
                    return parameters.isEmpty() || !parameters.get(0).isEquivalentTo(java.time.Clock.class);
                }
                return CLOCK_AND_ZONE_READERS.getOrDefault(owner, Set.of()).contains(name);
            });

    /**
     * One business clock (DESIGN "Time"): "now" comes only from the {@code java.time.Clock} bean of
     * {@code platform.time.BusinessClock}, in the configured zone; a class that reads the system clock or names a zone
     * computes "today" in a zone of its own (the JVM's, UTC) and is a day off in some hours of the day.
     */
    static final ArchRule BUSINESS_CLOCK_ONLY = noClasses().that().resideOutsideOfPackage("org.xuncha.platform.time..")
            .should().accessTargetWhere(SYSTEM_CLOCK_OR_ZONE)
            .because("business dates are LocalDate.now(clock), instants clock.instant(), the zone clock.getZone() "
                    + "of the injected Clock (platform.time.BusinessClock)");

    @Test
    void nowComesOnlyFromTheBusinessClock() {
        BUSINESS_CLOCK_ONLY.check(PRODUCT);
    }

    /**
     * The tests' fixtures and expectations take "today" from the application's clock too (testing.TestClock), or a
     * test written at noon fails at midnight and under {@code -Dxuncha.test.clock}: no no-argument {@code now()} in
     * test code outside the test clock itself and this class's sample of violations.
     */
    @Test
    void testsTakeTodayFromTheTestClock() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.xuncha");
        noClasses().that().resideOutsideOfPackage("org.xuncha.testing..")
                .and().doNotHaveFullyQualifiedName(ReadsTheSystemClock.class.getName())
                .should().accessTargetWhere(DescribedPredicate.describe("a no-argument now() of java.time",
                        access -> access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target
                                && TEMPORALS.contains(target.getOwner().getName())
                                && target.getName().equals("now") && target.getRawParameterTypes().isEmpty()))
                .because("fixtures and expectations are dated by the context's Clock (LocalDate.now(clock))")
                .check(tests);
    }

    /** Every way to the system clock the rule names, once each (a method reference too); now(clock) is fine. */
    @SuppressWarnings("unused")
    static final class ReadsTheSystemClock {
        Object[] all(java.time.Clock clock) {
            java.util.function.Supplier<java.time.LocalDate> today = java.time.LocalDate::now;
            return new Object[] {java.time.Instant.now(), java.time.LocalDateTime.now(), java.time.OffsetDateTime.now(),
                    java.time.ZonedDateTime.now(), java.time.LocalTime.now(), java.time.Year.now(),
                    java.time.YearMonth.now(), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                    java.time.Clock.systemUTC(), java.time.Clock.systemDefaultZone(),
                    java.time.ZoneId.of("Asia/Shanghai"), java.time.ZoneId.systemDefault(),
                    java.util.TimeZone.getDefault(), System.currentTimeMillis(), today,
                    java.time.LocalDate.now(clock), clock.instant(), java.time.Year.now(clock)};
        }
    }

    @Test
    void theTimeRuleFindsEachWayToTheSystemClock() {
        var details = BUSINESS_CLOCK_ONLY.evaluate(new ClassFileImporter().importClasses(ReadsTheSystemClock.class))
                .getFailureReport().getDetails();
        assertThat(details).hasSize(15);
        assertThat(details).noneMatch(d -> d.contains("now(java.time.Clock)") || d.contains("Clock.instant()"));
    }

    /** A cron job's "02:30" is 02:30 on the offices' clock, not in the JVM's zone: {@code zone = BusinessClock.CRON_ZONE}. */
    @Test
    void cronJobsRunInTheBusinessZone() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .and(DescribedPredicate.describe("have a cron expression",
                        m -> !m.getAnnotationOfType(Scheduled.class).cron().isEmpty()))
                .should(ArchCondition.from(DescribedPredicate.describe("name the business zone ("
                                + BusinessClock.CRON_ZONE + ")",
                        m -> BusinessClock.CRON_ZONE.equals(m.getAnnotationOfType(Scheduled.class).zone()))))
                .allowEmptyShould(true).check(PRODUCT);
    }

    /** One upload check (docs/architecture.md "Uploads, downloads, imports, pagers"): only it opens archives. */
    @Test
    void onlyTheUploadCheckReadsZipArchives() {
        noClasses().that().resideOutsideOfPackage("org.xuncha.platform.upload..")
                .should().dependOnClassesThat().resideInAPackage("java.util.zip..")
                .because("every zip-based upload is inspected once, by platform.upload.ZipScan")
                .check(PRODUCT);
    }

    /**
     * One of each: Content-Disposition is built only by platform.web.FileDownload, LIKE text escaped only by
     * platform.sql.LikePattern, magic bytes of PDFs read only by platform.upload. A source scan, since the header
     * name is a compile-time constant that leaves no trace in the bytecode.
     */
    @Test
    void downloadsLikeEscapingAndTypeSniffingHaveOneHomeEach() throws java.io.IOException {
        java.util.Map<String, String> homes = java.util.Map.of(
                "Content-Disposition", "platform/web/FileDownload.java",
                "CONTENT_DISPOSITION", "platform/web/FileDownload.java",
                "ContentDisposition", "platform/web/FileDownload.java",
                "replace(\"%\"", "platform/sql/LikePattern.java",
                "%PDF", "platform/upload/");
        java.util.List<String> strays = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(file);
                String path = file.toString().replace('\\', '/');
                homes.forEach((needle, home) -> {
                    if (source.contains(needle) && !path.contains(home)) {
                        strays.add(path + ": " + needle);
                    }
                });
            }
        }
        assertThat(strays).isEmpty();
    }
}
