package org.xuncha.inspection;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.documents.OfficialDocumentTemplate;
import org.xuncha.documents.OfficialDocumentTemplate.Cell;

/**
 * Writes the built-in entry announcement template {@code src/main/resources/templates/documents/entry-announcement.docx}
 * in 党政机关公文格式 (GB/T 9704, see {@link OfficialDocumentTemplate}): 版头 with the team as 发文机关标志 and the
 * 发文字号 the registry enters, the title, the target's cadres and public as 主送机关, the text, and the team's
 * 署名 over the date of stationing. The file is committed; after changing this class run
 * {@code ./mvnw -o test -Dtest=EntryAnnouncementTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code EntryAnnouncementTemplateTests} fails while the committed file is not what this class writes.
 */
@Tag("pure")
class EntryAnnouncementTemplateWriter {

    static final Path TARGET = Path.of("src/main/resources", EntryAnnouncementKind.BUILT_IN);

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplate() throws IOException {
        template().write(TARGET);
    }

    static OfficialDocumentTemplate template() {
        return OfficialDocumentTemplate.create("进驻公告模板")
                .issuerMark("${巡察组}")
                .documentNumber("${发文字号}")
                .title("${巡察组}进驻${被巡察单位}的公告")
                .addressee("${被巡察单位}全体党员、干部和群众：")
                .paragraph("根据${党委}巡察工作统一部署，${巡察组}（组长：${组长}）自${进驻时间}起对${被巡察单位}"
                        + "开展${巡察方式}，巡察时间为${巡察时间}。现将有关事项公告如下：")
                .heading("一、受理范围")
                // the office's own scope paragraph (the page offers the usual wording to adapt): the template adds
                // none of its own, else the notice would state the scope twice
                .block("${受理范围}")
                .heading("二、受理方式")
                .paragraph("巡察期间，干部群众可通过以下方式向巡察组反映问题：")
                .table(new int[] {2200, OfficialDocumentTemplate.TEXT_WIDTH - 2200}, t -> t
                        .row(Cell.label("值班电话"), Cell.text("${联系电话}（工作日 8:00—18:00）"))
                        .row(Cell.label("邮政信箱"), Cell.text("${邮政信箱}"))
                        .row(Cell.label("网上举报\n（码上巡）"),
                                Cell.picture("${二维码}", "微信或手机浏览器扫描二维码，或访问 ${公开渠道}")))
                .heading("三、受理时间")
                .paragraph("巡察组受理来信、来电、来访及网上举报的时间截至${截止日期}。来信请寄${邮政信箱}，"
                        + "以邮戳日期为准。")
                .heading("四、有关要求")
                .paragraph("反映问题应当实事求是、客观真实，提倡署真实姓名反映问题。巡察组将严格执行保密规定，对反映人的"
                        + "信息严格保密。对借机诬告陷害他人的，将依规依纪依法严肃处理。巡察组自觉接受监督，对巡察组成员"
                        + "违反纪律的行为，可向${巡察机构}反映。")
                .paragraph("特此公告。")
                .signature("${巡察组}", "${落款日期}");
    }
}
