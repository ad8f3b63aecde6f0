package org.xuncha.identity.internal;

import java.util.EnumMap;
import java.util.Map;

import org.xuncha.common.Role;

/** What each role does, in the words the home page shows (docs/design.md §2). */
final class RoleGuide {

    private static final Map<Role, String> DUTIES = new EnumMap<>(Role.class);

    static {
        DUTIES.put(Role.OFFICE, "负责本级巡察工作的规划、轮次和巡察组安排，督促整改并统计分析；市级巡察办还可查阅所辖县（市、区）的巡察数据。");
        DUTIES.put(Role.LEADER, "听取巡察情况汇报，查看统计报表和成绩单，审批重要事项；对巡察案卷只读。");
        DUTIES.put(Role.TEAM_LEADER, "带领巡察组开展进驻工作，管理本组的信访、谈话、底稿、问题和线索；只能查看本组巡察对象的数据。");
        DUTIES.put(Role.TEAM_MEMBER, "参与本组巡察，登记信访、谈话、走访和底稿；只能查看本组巡察对象的数据。");
        DUTIES.put(Role.TARGET, "查看本单位收到的巡察反馈意见，制定整改方案，逐项报送整改进展和佐证材料。");
        DUTIES.put(Role.DISCIPLINE, "接收巡察移交的问题线索和信访件，登记初核、立案、处分等处置结果。");
        DUTIES.put(Role.ORG_DEPT, "接收巡察移交的选人用人等问题线索并反馈处理情况，参与维护巡察人才库。");
        DUTIES.put(Role.COLLABORATOR, "答复巡察办在巡察进驻前发出的情况通报请求（巡前通报）。");
        DUTIES.put(Role.SYS_ADMIN, "管理用户账号：新建、修改、停用、启用、解锁和重置密码；不分配角色，不查看巡察业务数据。");
        DUTIES.put(Role.SEC_ADMIN, "为账号分配角色并执行三员分离规则，查看密码和锁定策略；不查看巡察业务数据。");
        DUTIES.put(Role.AUDITOR, "查阅审计日志并校验其完整性；不查看巡察业务数据。");
    }

    private RoleGuide() {
    }

    static String duties(Role role) {
        return DUTIES.get(role);
    }
}
