package org.xuncha.demo;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Word lists for fictional but plausible Chinese place, unit and person names. Every pick takes the
 * generator's seeded random source, so the same seed gives the same names.
 */
final class NamePools {

    private NamePools() {
    }

    static final String PLACE_HEADS = "清云石丰安平青临江河山湖岭桥泉松柏梅兰桂竹杨柳金银玉宝龙凤华兴盛昌隆富福寿康宁和顺新东西南北中"
            + "上下大小长高白红黄古双三五七九万永太德仁义礼智信文武明光辉春秋夏冬雁鹤鹿马牛羊田沙芦荷莲桃杏枫樟榕";
    static final String PLACE_TAILS = "江河山湖岭桥泉溪塘坪坝口田湾洲源阳林岗冲坑铺店集庄埠渡港滩堰陂岩峰谷园坊城寨堡屯营关亭洋";

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    static final String MALE_GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
    static final String FEMALE_GIVEN = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟";

    /** A two-character place name not yet in {@code taken}; falls back to three characters when crowded. */
    static String place(RandomGenerator random, Set<String> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            String name = pick(random, PLACE_HEADS) + pick(random, PLACE_TAILS);
            if (name.charAt(0) != name.charAt(1) && taken.add(name)) {
                return name;
            }
        }
        while (true) {
            String name = pick(random, PLACE_HEADS) + pick(random, PLACE_HEADS) + pick(random, PLACE_TAILS);
            if (taken.add(name)) {
                return name;
            }
        }
    }

    static String person(RandomGenerator random, boolean male) {
        String given = male ? MALE_GIVEN : FEMALE_GIVEN;
        String name = pick(random, SURNAMES) + pick(random, given);
        return random.nextInt(100) < 70 ? name + pick(random, given) : name;
    }

    static String pick(RandomGenerator random, String characters) {
        int i = random.nextInt(characters.codePointCount(0, characters.length()));
        int offset = characters.offsetByCodePoints(0, i);
        return new String(Character.toChars(characters.codePointAt(offset)));
    }

    static <T> T pick(RandomGenerator random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Departments of a party committee and government at city or county level (unit name after the place). */
    static final List<String> DEPARTMENTS = List.of(
            "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
            "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
            "农业农村局", "商务局", "文化广电旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
            "市场监督管理局", "统计局", "医疗保障局", "林业局", "城市管理局", "行政审批局", "信访局",
            "机关事务管理局", "总工会", "共青团委员会", "妇女联合会", "人民法院", "人民检察院", "工商业联合会",
            "科学技术协会", "残疾人联合会", "供销合作社", "乡村振兴局", "数据资源管理局",
            // the city and province keep the following, counties have none of their own
            "国有资产监督管理委员会", "粮食和物资储备局", "体育局", "民族宗教事务局", "投资促进局",
            "文学艺术界联合会", "社会科学界联合会", "归国华侨联合会", "红十字会", "人民防空办公室",
            "地方金融监督管理局", "外事办公室", "台湾工作办公室", "政务服务管理局", "口岸办公室");

    static final int COUNTY_DEPARTMENTS = 40;

    /** Departments whose party organization is a 党委 rather than a 党组. */
    static final Set<String> DEPARTMENT_COMMITTEES = Set.of("公安局", "教育局", "卫生健康委员会", "国有资产监督管理委员会");

    static final List<String> ENTERPRISES = List.of(
            "城市建设投资集团有限公司", "交通投资集团有限公司", "水务集团有限公司", "国有资本投资运营有限公司",
            "文化旅游投资集团有限公司", "农业发展集团有限公司", "公共交通集团有限公司", "产业投资集团有限公司",
            "金融控股集团有限公司", "粮食储备有限公司", "燃气有限公司", "热力有限公司", "融资担保有限公司",
            "城市发展集团有限公司", "高新技术产业投资有限公司", "旅游发展有限公司", "建筑设计研究院有限公司",
            "保安服务有限公司", "物流集团有限公司", "医药集团有限公司");

    static final int COUNTY_ENTERPRISES = 5;

    static final List<String> CITY_SCHOOLS = List.of(
            "第一中学", "第二中学", "第三中学", "第四中学", "第五中学", "第六中学", "第七中学", "第八中学",
            "第九中学", "第十中学", "实验中学", "外国语学校", "实验小学", "第一小学", "第二小学", "第三小学",
            "第四小学", "第五小学", "特殊教育学校", "卫生学校", "体育运动学校", "技师学院", "职业技术学院",
            "开放大学", "幼儿园");

    static final List<String> COUNTY_SCHOOLS = List.of("第一中学", "第二中学", "实验中学", "实验小学", "职业中等专业学校");

    static final List<String> CITY_HOSPITALS = List.of(
            "人民医院", "第二人民医院", "中医院", "妇幼保健院", "精神卫生中心", "传染病医院", "口腔医院",
            "急救中心", "中心血站", "康复医院");

    static final List<String> COUNTY_HOSPITALS = List.of("人民医院", "中医院", "妇幼保健院");

    static final List<String> INSTITUTIONS = List.of(
            "融媒体中心", "住房公积金管理中心", "不动产登记中心", "公共资源交易中心", "社会保险事业管理中心",
            "检验检测中心", "图书馆", "文化馆", "档案馆", "疾病预防控制中心", "气象局", "地震局", "党校",
            "博物馆", "地方志编纂中心", "机关幼儿园", "农业技术推广中心", "水文站", "土地储备中心",
            "城市规划设计研究院", "产品质量监督检验所", "建设工程质量安全监督站", "园林绿化中心", "环境卫生管理处",
            "救助管理站", "社会福利院", "老年大学", "青少年活动中心", "科技馆", "体育中心", "大数据中心",
            "招商服务中心", "经济技术开发区管理委员会", "高新技术产业园区管理委员会", "港航事业发展中心",
            "公路事业发展中心", "林业科学研究所", "农业科学研究所", "水利工程管理局", "信息中心");

    static final int COUNTY_INSTITUTIONS = 8;

    /** Units that inspectors are drawn from, with the skill their people most often bring. */
    static final List<String[]> INSPECTOR_SOURCES = List.of(
            new String[] {"纪委监委", "DISCIPLINE"}, new String[] {"纪委监委", "DISCIPLINE"},
            new String[] {"委组织部", "ORGANIZATION"}, new String[] {"委巡察办", "DISCIPLINE"},
            new String[] {"审计局", "AUDIT"}, new String[] {"审计局", "AUDIT"}, new String[] {"财政局", "FINANCE"},
            new String[] {"财政局", "FINANCE"}, new String[] {"司法局", "LAW"}, new String[] {"人民检察院", "LAW"},
            new String[] {"住房和城乡建设局", "ENGINEERING"}, new String[] {"交通运输局", "ENGINEERING"},
            new String[] {"农业农村局", "AGRICULTURE"}, new String[] {"乡村振兴局", "AGRICULTURE"},
            new String[] {"信访局", "PETITION"}, new String[] {"数据资源管理局", "IT"},
            new String[] {"人力资源和社会保障局", "ORGANIZATION"}, new String[] {"统计局", "FINANCE"},
            new String[] {"发展和改革委员会", "FINANCE"}, new String[] {"委办公室", "ORGANIZATION"});

    static final List<String> RELATIONS = List.of("SPOUSE", "CHILD", "PARENT", "SIBLING", "IN_LAW");

    static final List<String> ABSENCE_REASONS = List.of("参加党校培训", "年休假", "参加其他专项工作", "病假", "挂职锻炼");
}
