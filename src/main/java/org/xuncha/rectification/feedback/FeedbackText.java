package org.xuncha.rectification.feedback;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The letter's wording helpers: Chinese ordinals of headings, dates as 公文 writes them, the default texts. */
final class FeedbackText {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private FeedbackText() {
    }

    /** 一, 二 … 十, 十一 … 九十九 (a letter has a handful of headings). */
    static String chineseOrdinal(int n) {
        if (n <= 0 || n >= 100) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + (ones == 0 ? "" : DIGITS[ones]);
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.format(DATE);
    }

    static String title(String teamName, String organizationName) {
        String t = teamName + "关于巡察" + organizationName + "党组织的反馈意见";
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    static String opening(String bodyName, String teamName, String organizationName, LocalDate stationedOn,
                          LocalDate withdrawnOn) {
        String span = stationedOn == null ? "" : "于" + date(stationedOn) + (withdrawnOn == null ? "起" : "至"
                + date(withdrawnOn));
        return "根据" + bodyName.replace("巡察机构", "") + "巡察工作统一部署，" + teamName + span + "对" + organizationName
                + "党组织进行了巡察。巡察组坚持以习近平新时代中国特色社会主义思想为指导，聚焦职能责任，"
                + "通过个别谈话、受理信访、调阅资料、走访调研等方式，了解掌握有关情况。巡察报告已经审定，"
                + "现将巡察发现的主要问题反馈如下：";
    }

    static String closing(String organizationName, int planWorkingDays, int reportMonths) {
        return organizationName + "党组织要切实履行整改主体责任，主要负责人履行第一责任人职责，对反馈的问题逐条研究，"
                + "建立问题清单、任务清单、责任清单，明确整改目标、整改措施、责任领导、责任部门和完成时限。"
                + "请于反馈之日起" + planWorkingDays + "个工作日内报送整改方案，" + reportMonths
                + "个月内报送整改情况报告和主要负责人组织落实情况报告。";
    }
}
