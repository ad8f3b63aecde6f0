package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.util.Units;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentPicture;
import org.xuncha.documents.QrCodePicture;

/**
 * What one inspection's entry announcement (进驻公告) says, read in the caller's scope, and the placeholder values
 * a template is filled with. The QR code of the public channel is the only picture. Xuncha does not number
 * announcements — the office's registry gives the 发文字号 when the notice is signed — so {@code ${发文字号}} is
 * written empty, keeping its line in the layout for the number to be entered.
 *
 * @param inspectionId the inspection
 * @param committee    the party committee the body serves, e.g. 清江市委 (from the body's name)
 * @param teamName     the team as entered, e.g. 第一巡察组 or 清江市委第一巡察组
 * @param leader       the team leader's name, or null while the team has none
 * @param targets      the main targets' names (extension units are not named in the heading)
 * @param issuer       who issues the notice: the body's 巡察办 name, or one derived from the committee
 * @param channelUrl   the absolute address of the public reporting page, {@code <base>/r/<channel code>}
 */
record EntryAnnouncementDocument(long inspectionId, String committee, String teamName, String leader,
                                 List<String> targets, InspectionMode mode, String specialTopic,
                                 LocalDate periodFrom, LocalDate periodTo, LocalDate cutOffOn, String phone,
                                 String mailbox, String accepts, String channelUrl, String issuer) {

    static final String DOCUMENT_NUMBER = "发文字号";
    static final String COMMITTEE = "党委";
    static final String TEAM = "巡察组";
    static final String LEADER = "组长";
    static final String TARGETS = "被巡察单位";
    static final String MODE = "巡察方式";
    static final String STATIONED_ON = "进驻时间";
    static final String PERIOD = "巡察时间";
    static final String CUT_OFF = "截止日期";
    static final String PHONE = "联系电话";
    static final String MAILBOX = "邮政信箱";
    static final String ACCEPTS = "受理范围";
    static final String CHANNEL = "公开渠道";
    static final String QR_CODE = "二维码";
    static final String ISSUER = "巡察机构";
    static final String SIGNED_ON = "落款日期";

    /** Every placeholder of the entry announcement, in the order the template page lists them. */
    static final List<String> PLACEHOLDERS = List.of(DOCUMENT_NUMBER, COMMITTEE, TEAM, LEADER, TARGETS, MODE,
            STATIONED_ON, PERIOD, CUT_OFF, PHONE, MAILBOX, ACCEPTS, CHANNEL, QR_CODE, ISSUER, SIGNED_ON);

    /** The placeholders an uploaded template must contain. */
    static final List<String> REQUIRED = List.of(TEAM, TARGETS, STATIONED_ON, CUT_OFF, PHONE, MAILBOX, QR_CODE);

    /** What each placeholder stands for, shown on the template page. */
    static final Map<String, String> MEANINGS = meanings();

    /** The printed QR code: 3.5 cm square, large enough to scan from a notice board. */
    static final int QR_CODE_EMU = Units.toEMU(99.2);

    EntryAnnouncementDocument {
        targets = List.copyOf(targets);
    }

    /** The team's full name as a notice names it: 中共清江市委第一巡察组. */
    String teamTitle() {
        String team = teamName.strip();
        if (team.startsWith("中共")) {
            return team;
        }
        if (!team.contains("委") && committee != null && !committee.isBlank()) {
            team = committee + team;
        }
        return "中共" + team;
    }

    /** Text placeholder values (all but the QR code); the 发文字号 empty (see the class comment). */
    Map<String, String> texts() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(DOCUMENT_NUMBER, "");
        values.put(COMMITTEE, committee == null ? "" : committee);
        values.put(TEAM, teamTitle());
        values.put(LEADER, leader == null ? "" : leader);
        values.put(TARGETS, String.join("、", targets));
        values.put(MODE, modeText());
        values.put(STATIONED_ON, chinese(periodFrom));
        values.put(PERIOD, chinese(periodFrom) + "至" + chinese(periodTo));
        values.put(CUT_OFF, chinese(cutOffOn));
        values.put(PHONE, phone);
        values.put(MAILBOX, mailbox);
        values.put(ACCEPTS, accepts);
        values.put(CHANNEL, channelUrl);
        values.put(ISSUER, issuer);
        values.put(SIGNED_ON, chinese(periodFrom));
        return values;
    }

    /** The texts and the QR code of the public channel address. */
    DocumentContent content() {
        QrCodePicture qr = QrCodePicture.of(channelUrl);
        return DocumentContent.of(texts(), Map.of(QR_CODE, new DocumentPicture(qr.png(), QR_CODE_EMU, QR_CODE_EMU,
                "qrcode.png")));
    }

    String modeText() {
        if (mode == InspectionMode.SPECIAL && specialTopic != null && !specialTopic.isBlank()) {
            return specialTopic.strip() + "专项巡察";
        }
        return mode.label();
    }

    /** 中共清江市委第一巡察组进驻清江市财政局党组的公告.docx, without characters a file system refuses. */
    String fileName() {
        String name = teamTitle() + "进驻" + String.join("、", targets) + "的公告";
        name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "");
        if (name.length() > 80) {
            name = name.substring(0, 80);
        }
        return name + ".docx";
    }

    /** 2026年3月2日: Arabic numerals, as GB/T 9704 writes dates in official documents. */
    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 清江市委巡察机构 → 清江市委. */
    static String committeeOf(String bodyName) {
        String name = bodyName.strip();
        for (String suffix : List.of("巡察工作领导小组办公室", "巡察工作领导小组", "巡察机构", "巡察办")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(DOCUMENT_NUMBER, "发文字号，如“清巡〔2026〕3号”；系统不编号，生成的公告此处留空，由文书登记后填写");
        m.put(COMMITTEE, "派出巡察组的党委，如“清江市委”");
        m.put(TEAM, "巡察组全称，如“中共清江市委第一巡察组”");
        m.put(LEADER, "组长姓名");
        m.put(TARGETS, "被巡察党组织名称，多个用顿号分隔");
        m.put(MODE, "巡察方式，如“常规巡察”“乡村振兴专项巡察”");
        m.put(STATIONED_ON, "进驻日期，如“2026年3月2日”");
        m.put(PERIOD, "巡察起止日期");
        m.put(CUT_OFF, "受理来信来电的截止日期");
        m.put(PHONE, "值班电话");
        m.put(MAILBOX, "邮政信箱");
        m.put(ACCEPTS, "受理范围（页面上填写的整段，含重点受理的问题）");
        m.put(CHANNEL, "网上举报（码上巡）地址");
        m.put(QR_CODE, "网上举报地址的二维码图片（约 3.5 厘米见方）");
        m.put(ISSUER, "巡察工作领导小组办公室名称");
        m.put(SIGNED_ON, "落款日期（进驻当日）");
        return Map.copyOf(m);
    }
}
