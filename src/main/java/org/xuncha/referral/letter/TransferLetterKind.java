package org.xuncha.referral.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the 移交函 (《关于移交巡察发现问题线索的函》) with the documents module: its placeholders, the built-in
 * template in 党政机关公文格式 (written by the test-side {@code TransferLetterTemplateWriter}) and a fictional letter of
 * 清江市委巡察办 to the 纪委监委 for the preview. The lines are a repeated table row ({@code ${线索.…}}); the letter
 * names no involved person (they go in the sealed annex only the receiver opens).
 */
@Configuration(proxyBeanMethods = false)
class TransferLetterKind {

    static final String BUILT_IN = "templates/documents/transfer-letter.docx";
    /** 成文日期 and 印发日期 as the project's other documents write them (GB/T 9704-2012: Arabic numerals). */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final String LIST = "线索";

    static final Map<String, String> MEANINGS = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of("发文机关", "发文字号", "主送机关", "线索.标题", "成文日期");

    static {
        MEANINGS.put("发文机关", "移交并签发的巡察机构，如 中共清江市委巡察工作领导小组办公室（版头、落款和印发机关）");
        MEANINGS.put("发文字号", "移交函文号，如 清巡移〔2026〕3号");
        MEANINGS.put("主送机关", "接收单位，如 清江市纪委监委");
        MEANINGS.put("线索件数", "移交的件数，如 3件");
        MEANINGS.put("线索.序号", "序号，每件一行");
        MEANINGS.put("线索.类别", "类别：问题线索或信访件");
        MEANINGS.put("线索.标题", "线索标题（不列涉及人员姓名）");
        MEANINGS.put("线索.来源", "来源：巡察组名称或信访");
        MEANINGS.put("线索.涉及人数", "涉及人数，如 2人");
        MEANINGS.put("线索.问题性质", "问题性质，如 廉洁纪律");
        MEANINGS.put("附注", "附注（无附注时为空）");
        MEANINGS.put("成文日期", "成文日期，如 2026年12月2日");
        MEANINGS.put("印发日期", "印发日期，如 2026年12月2日");
    }

    static final LetterContent SAMPLE_LETTER = new LetterContent("清巡移〔2026〕3号", "中共清江市委巡察工作领导小组办公室",
            "清江市纪委监委", LocalDate.of(2026, 12, 2), "涉及人员名单另附密封件，仅限承办单位拆阅。", List.of(
            new LetterLine(1, "问题线索", "违规收受礼金", "第三巡察组", 1, "廉洁纪律"),
            new LetterLine(2, "问题线索", "工程围标串标", "第三巡察组", 2, "廉洁纪律"),
            new LetterLine(3, "信访件", "反映优亲厚友", "信访", 1, "群众纪律")));

    static final DocumentKind KIND = new DocumentKind("TRANSFER_LETTER", "移交函", BUILT_IN, placeholders(),
            content(SAMPLE_LETTER));

    @Bean
    DocumentKind transferLetter() {
        return KIND;
    }

    static List<TemplatePlaceholder> placeholders() {
        return TemplatePlaceholder.of(MEANINGS, REQUIRED);
    }

    /** The letter as the template's placeholders take it. */
    static DocumentContent content(LetterContent letter) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("发文机关", letter.officeName());
        t.put("发文字号", letter.letterNo());
        t.put("主送机关", letter.receiverLabel() + "：");
        t.put("线索件数", letter.lines().size() + "件");
        t.put("附注", letter.note() == null || letter.note().isBlank() ? "" : "附注：" + letter.note().strip());
        t.put("成文日期", letter.issuedOn().format(DATE));
        t.put("印发日期", letter.issuedOn().format(DATE));
        List<Map<String, String>> rows = new ArrayList<>();
        for (LetterLine line : letter.lines()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("序号", String.valueOf(line.position()));
            row.put("类别", line.subjectLabel());
            row.put("标题", line.title());
            row.put("来源", line.source());
            row.put("涉及人数", line.personCount() + "人");
            row.put("问题性质", line.violationLabel() == null ? "" : line.violationLabel());
            rows.add(row);
        }
        return new DocumentContent(t, Map.of(), Map.of(LIST, rows));
    }
}
