package org.xuncha.referral.receiving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the 移交函附件 (the sealed list of the persons involved in the transferred leads, opened only by the
 * receiver) with the documents module: its placeholders, the built-in template in 党政机关公文格式 (written by the
 * test-side {@code TransferAnnexTemplateWriter}) and a fictional annex for the preview. The persons are a repeated
 * table row ({@code ${人员.序号}} …).
 */
@Configuration(proxyBeanMethods = false)
class TransferAnnexKind {

    static final String BUILT_IN = "templates/documents/transfer-annex.docx";

    static final Map<String, String> MEANINGS = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of("移交函号", "人员.姓名", "人员.身份证号");

    static {
        MEANINGS.put("移交机关", "移交的巡察机构，如 清江市委巡察机构");
        MEANINGS.put("移交函号", "移交函编号，如 清巡移〔2026〕3号");
        MEANINGS.put("接收单位", "接收单位，如 纪委监委");
        MEANINGS.put("人数", "附件所列人员数");
        MEANINGS.put("人员.序号", "序号，每人一行");
        MEANINGS.put("人员.线索", "该人员所涉问题线索的标题");
        MEANINGS.put("人员.姓名", "姓名");
        MEANINGS.put("人员.身份证号", "身份证号码（未登记时为空）");
        MEANINGS.put("人员.职务", "职务（未登记时为空）");
        MEANINGS.put("人员.职级", "职级");
        MEANINGS.put("查阅人", "下载附件的接收单位人员姓名");
        MEANINGS.put("查阅日期", "下载日期");
    }

    static final DocumentKind KIND = new DocumentKind("TRANSFER_ANNEX", "移交函附件", BUILT_IN, placeholders(),
            sample());

    @Bean
    DocumentKind transferAnnex() {
        return KIND;
    }

    static List<TemplatePlaceholder> placeholders() {
        return TemplatePlaceholder.of(MEANINGS, REQUIRED);
    }

    /** A fictional annex, as the preview shows it. */
    static DocumentContent sample() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("移交机关", "清江市委巡察机构");
        t.put("移交函号", "清巡移〔2026〕3号");
        t.put("接收单位", "纪委监委");
        t.put("人数", "2");
        t.put("查阅人", "李审理");
        t.put("查阅日期", "2026年5月8日");
        return new DocumentContent(t, Map.of(), Map.of("人员", List.of(
                Map.of("序号", "1", "线索", "违规收受工程施工方礼金", "姓名", "张某某", "身份证号", "11010519491231002X",
                        "职务", "副局长", "职级", "处级"),
                Map.of("序号", "2", "线索", "违规收受工程施工方礼金", "姓名", "王某", "身份证号", "",
                        "职务", "科长", "职级", "科级"))));
    }
}
