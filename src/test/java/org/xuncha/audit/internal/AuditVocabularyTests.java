package org.xuncha.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.xuncha.audit.AuditLabels;

/**
 * The auditor reads names, not codes: every action and object type the product writes has its Chinese name in
 * audit/vocabulary.properties, and details read as "名称：值" with the owning module's enum labels.
 */
class AuditVocabularyTests {

    static final Path MAIN = Path.of("src/main/java");
    /** An action or object type literal on a line that writes an audit record (or the next line of the call). */
    static final Pattern AUDIT_CALL = Pattern.compile(
            "audit\\w*\\.(success|record|recordAlone|entry|denied|failure)\\(|new (org\\.xuncha\\.audit\\.)?AuditEntry\\(|refuseSeparated\\(");
    static final Pattern ACTION = Pattern.compile(
            "\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_|LOGIN|EXPORT|IMPORT|UNSEAL)\"");
    static final Pattern OBJECT = Pattern.compile("\"([A-Z][a-z]+(?:[A-Z][a-z]+)*)\"");
    static final List<String> STAGES_AFTER_PREPARING = List.of("STATIONED", "REPORTING", "FEEDBACK", "RECTIFYING",
            "CLOSED");

    record Found(Set<String> actions, Set<String> objects) {
    }

    static Found scan() throws IOException {
        Set<String> actions = new TreeSet<>();
        Set<String> objects = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (!AUDIT_CALL.matcher(lines.get(i)).find()) {
                        continue;
                    }
                    String call = lines.get(i) + (i + 1 < lines.size() ? lines.get(i + 1) : "");
                    Matcher a = ACTION.matcher(call);
                    while (a.find()) {
                        if (a.group(1).endsWith("_")) {
                            STAGES_AFTER_PREPARING.forEach(s -> actions.add(a.group(1) + s));
                        } else {
                            actions.add(a.group(1));
                        }
                    }
                    Matcher o = OBJECT.matcher(call);
                    while (o.find()) {
                        objects.add(o.group(1));
                    }
                }
            }
        }
        return new Found(actions, objects);
    }

    @Test
    void everyActionAndObjectTypeTheProductWritesHasAChineseName() throws IOException {
        Found found = scan();
        // the scan must see the product's audit calls, or this test proves nothing
        assertThat(found.actions()).contains("LOGIN", "PETITION_VIEWED", "INSPECTION_STATIONED", "PLAN_RETURN",
                "REPORT_SUBMITTED", "ACCESS_DENIED").hasSizeGreaterThan(60);
        assertThat(found.objects()).contains("Inspection", "Petition", "UserAccount", "Term");
        var words = AuditVocabulary.load();
        assertThat(found.actions()).allSatisfy(a -> assertThat(words.getProperty("action." + a)).as(a).isNotBlank());
        assertThat(found.objects()).allSatisfy(o -> assertThat(words.getProperty("object." + o)).as(o).isNotBlank());
    }

    @Test
    void detailsReadAsNamesWithTheOwningModulesLabelsPerObjectType() {
        AuditLabels stages = new AuditLabels() {
            public Set<String> objectTypes() {
                return Set.of("Inspection");
            }

            public Map<String, String> values() {
                return Map.of("PREPARING", "准备", "STATIONED", "进驻", "CLOSED", "报结");
            }
        };
        AuditLabels petitions = new AuditLabels() {
            public Set<String> objectTypes() {
                return Set.of("Petition");
            }

            public Map<String, String> values() {
                return Map.of("CLOSED", "已办结");
            }
        };
        AuditVocabulary v = new AuditVocabulary(List.of(stages, petitions));
        assertThat(v.detail("from=PREPARING; to=STATIONED; on=2026-03-02", "Inspection"))
                .isEqualTo("原阶段：准备；新阶段：进驻；日期：2026-03-02");
        assertThat(v.detail("to=CLOSED", "Inspection")).isEqualTo("新阶段：报结");
        assertThat(v.detail("to=CLOSED", "Petition")).isEqualTo("新阶段：已办结");
        assertThat(v.detail("organization=12 year=2026", "Term")).isEqualTo("组织：12；年度：2026");
        assertThat(v.detail("三员分立：目标账号角色=AUDITOR", "UserAccount")).isEqualTo("三员分立：目标账号角色=AUDITOR");
        assertThat(v.action("LOGIN")).isEqualTo("登录");
        assertThat(v.action("NO_SUCH_ACTION")).isEqualTo("NO_SUCH_ACTION");
        assertThat(v.object("Inspection")).isEqualTo("巡察");
        assertThat(v.systemActor("anonymousUser")).isEqualTo("未登录的访问者");
        assertThat(v.systemActor("office-1")).isNull();
        assertThat(v.actions()).containsEntry("PETITION_VIEWED", "查看信访举报");
    }
}
