package org.xuncha.inspection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.RegionCode;
import org.xuncha.common.RegionLevel;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.web.UserInputException;

/**
 * The rules of an inspection's mode and organization forms (巡察方式, 组织形式) over its targets, each refusal in
 * Chinese: a SPECIAL inspection names its topic, a LOOK_BACK one an earlier inspection of the same targets that reached
 * feedback; ELEVATED targets belong to a body below, CROSS is organized by a city office with a team from a county
 * none of the targets lies in, EXTENDED needs extension targets under or inside their main target, SYSTEM keeps to one
 * sector, LINKED and AUDIT_LINKED name what they run with; without ELEVATED or CROSS every target is the body's own.
 */
@Component
class InspectionRules {

    /** Suggested topics of a SPECIAL inspection (free text is accepted). */
    static final List<String> SPECIAL_TOPICS = List.of("扶贫", "扫黑除恶", "乡村振兴", "危化品安全", "粮食购销",
            "医保基金", "国有企业改革", "营商环境", "生态环境保护", "教育医疗");

    private final InspectionRepository inspections;
    private final InspectionBodies bodies;

    InspectionRules(InspectionRepository inspections, InspectionBodies bodies) {
        this.inspections = inspections;
        this.bodies = bodies;
    }

    /** A draft that passed every rule, cleaned: what an inspection of {@code body} is created with. */
    record Checked(String teamName, String specialTopic, Long lookBackOf, Set<InspectionForm> forms, String linkedWith,
                   String auditLinkedWith, String teamCountyCode, List<InspectionRepository.Organization> mains,
                   Map<InspectionRepository.Organization, InspectionRepository.Organization> extensions) {
    }

    /** Checks a new inspection of {@code body} (the round's) against the rules of its mode and forms. */
    Checked check(DataScope scope, long body, InspectionDraft draft) {
        String teamName = text(draft.teamName(), "巡察组名称", 100, true);
        if (draft.mode() == null) {
            throw new UserInputException("请选择巡察方式");
        }
        String topic = draft.mode() == InspectionMode.SPECIAL ? text(draft.specialTopic(), "专项巡察主题", 100, true) : null;
        Set<InspectionForm> forms = draft.forms().isEmpty() ? EnumSet.noneOf(InspectionForm.class)
                : EnumSet.copyOf(draft.forms());
        String linkedWith = forms.contains(InspectionForm.LINKED)
                ? text(draft.linkedWith(), "联动对象（上级巡视或其他机构的巡察）", 200, true) : null;
        String auditWith = forms.contains(InspectionForm.AUDIT_LINKED)
                ? text(draft.auditLinkedWith(), "联动的审计项目", 200, true) : null;
        String teamCounty = null;
        if (forms.contains(InspectionForm.CROSS)) {
            String level = bodies.find(BodyId.of(body)).map(InspectionBodies.BodySummary::level).orElse("");
            if (!"CITY".equals(level)) {
                throw new UserInputException("交叉巡察只能由市级巡察机构统筹组织");
            }
            teamCounty = text(draft.teamCountyCode(), "巡察组来源县（市、区）", 12, true);
            if (!teamCounty.matches("\\d{6}") || RegionCode.of(teamCounty).level() != RegionLevel.COUNTY) {
                throw new UserInputException("巡察组来源县（市、区）应为6位县级行政区划代码");
            }
        }
        List<InspectionRepository.Organization> mains = resolveMains(draft.targetCodes());
        Map<InspectionRepository.Organization, InspectionRepository.Organization> extensions =
                resolveExtensions(draft.extensions(), mains);
        Long lookBackOf = null;
        if (draft.mode() == InspectionMode.LOOK_BACK) {
            lookBackOf = checkLookBack(scope, draft.lookBackOf(), mains);
        }
        checkForms(body, forms, teamCounty, mains, extensions);
        return new Checked(teamName, topic, lookBackOf, forms, linkedWith, auditWith, teamCounty, mains, extensions);
    }

    /** A target to add and, for an extension target, the main target it extends from. */
    record Added(InspectionRepository.Organization organization, InspectionRepository.Organization extendedFrom) {
    }

    /**
     * Checks a target added to an existing inspection: a main target ({@code extendedFromCode} blank) or an extension
     * target of a main target; the forms' rules are checked again over all targets.
     */
    Added checkAdded(InspectionView v, List<InspectionTarget> current, String code, String extendedFromCode) {
        List<InspectionRepository.Organization> mains = new ArrayList<>();
        Map<InspectionRepository.Organization, InspectionRepository.Organization> extensions = new LinkedHashMap<>();
        for (InspectionTarget t : current) {
            var o = inspections.organization(t.organizationId()).orElseThrow();
            if (t.extension()) {
                extensions.put(o, inspections.organization(t.extendedFromId()).orElseThrow());
            } else {
                mains.add(o);
            }
        }
        InspectionRepository.Organization added;
        InspectionRepository.Organization from = null;
        if (extendedFromCode == null || extendedFromCode.isBlank()) {
            added = resolveMains(List.of(code)).get(0);
            if (mains.stream().anyMatch(m -> m.id() == added.id())
                    || extensions.keySet().stream().anyMatch(m -> m.id() == added.id())) {
                throw new UserInputException("“" + added.name() + "”已是本次巡察的对象");
            }
            mains.add(added);
        } else {
            var resolved = resolveExtensions(List.of(new InspectionDraft.Extension(code, extendedFromCode)), mains);
            var entry = resolved.entrySet().iterator().next();
            added = entry.getKey();
            from = entry.getValue();
            if (extensions.keySet().stream().anyMatch(m -> m.id() == entry.getKey().id())) {
                throw new UserInputException("“" + added.name() + "”已是本次巡察的延伸对象");
            }
            extensions.put(added, from);
        }
        checkForms(v.bodyId(), v.forms(), v.teamCountyCode(), mains, extensions);
        return new Added(added, from);
    }

    private List<InspectionRepository.Organization> resolveMains(List<String> codes) {
        List<InspectionRepository.Organization> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String raw : codes) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String code = raw.strip();
            var o = inspections.organizationByCode(code)
                    .orElseThrow(() -> new UserInputException("组织编码" + code + "不存在"));
            if (!o.active()) {
                throw new UserInputException("“" + o.name() + "”已撤销，不能作为巡察对象");
            }
            if (!seen.add(o.id())) {
                throw new UserInputException("巡察对象“" + o.name() + "”重复");
            }
            result.add(o);
        }
        if (result.isEmpty()) {
            throw new UserInputException("请至少选择一个巡察对象");
        }
        return result;
    }

    private Map<InspectionRepository.Organization, InspectionRepository.Organization> resolveExtensions(
            List<InspectionDraft.Extension> raw, List<InspectionRepository.Organization> mains) {
        Map<InspectionRepository.Organization, InspectionRepository.Organization> result = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        mains.forEach(m -> seen.add(m.id()));
        for (InspectionDraft.Extension e : raw) {
            if (e == null || e.code() == null || e.code().isBlank()) {
                continue;
            }
            String code = e.code().strip();
            var o = inspections.organizationByCode(code)
                    .orElseThrow(() -> new UserInputException("延伸对象的组织编码" + code + "不存在"));
            if (!o.active()) {
                throw new UserInputException("“" + o.name() + "”已撤销，不能作为延伸对象");
            }
            String fromCode = e.fromCode() == null ? "" : e.fromCode().strip();
            var from = mains.stream().filter(m -> m.code().equals(fromCode)).findFirst()
                    .orElseThrow(() -> new UserInputException("延伸对象“" + o.name() + "”须注明所属的主巡察对象"));
            if (!seen.add(o.id())) {
                throw new UserInputException("巡察对象“" + o.name() + "”重复");
            }
            result.put(o, from);
        }
        return result;
    }

    private Long checkLookBack(DataScope scope, Long earlier, List<InspectionRepository.Organization> mains) {
        if (earlier == null) {
            throw new UserInputException("巡察“回头看”须注明此前对同一对象的巡察");
        }
        InspectionView before = inspections.find(earlier, scope)
                .orElseThrow(() -> new UserInputException("所注明的此前巡察不存在"));
        if (!before.stage().covers()) {
            throw new UserInputException("所注明的此前巡察尚未完成反馈，不能开展“回头看”");
        }
        Set<Long> earlierTargets = new HashSet<>(inspections.mainTargetIds(before.id()));
        inspections.targets(before.id()).forEach(t -> earlierTargets.add(t.organizationId()));
        for (var m : mains) {
            if (!earlierTargets.contains(m.id())) {
                throw new UserInputException("“回头看”的对象“" + m.name() + "”不在所注明的此前巡察中");
            }
        }
        return before.id();
    }

    private void checkForms(long body, Set<InspectionForm> forms, String teamCounty,
                            List<InspectionRepository.Organization> mains,
                            Map<InspectionRepository.Organization, InspectionRepository.Organization> extensions) {
        Set<BodyId> below = new HashSet<>(bodies.selfAndDescendants(BodyId.of(body)));
        below.remove(BodyId.of(body));
        boolean elevated = forms.contains(InspectionForm.ELEVATED);
        boolean cross = forms.contains(InspectionForm.CROSS);
        for (var m : mains) {
            boolean own = m.bodyId() == body;
            boolean lower = below.contains(BodyId.of(m.bodyId()));
            if (elevated) {
                if (!lower) {
                    throw new UserInputException("提级巡察的对象须由下级巡察机构管辖：“" + m.name() + "”不符合");
                }
            } else if (cross) {
                if (!own && !lower) {
                    throw new UserInputException("交叉巡察的对象须在本市范围内：“" + m.name() + "”不符合");
                }
            } else if (!own) {
                throw new UserInputException("“" + m.name() + "”不由本级巡察机构管辖；巡察下级管辖的单位须选择“提级巡察”");
            }
        }
        if (cross) {
            for (var m : mains) {
                if (RegionCode.of(m.regionCode()).countyCode().equals(teamCounty)) {
                    throw new UserInputException("交叉巡察的巡察组不能来自巡察对象“" + m.name() + "”所在的县（市、区）");
                }
            }
            for (var e : extensions.keySet()) {
                if (RegionCode.of(e.regionCode()).countyCode().equals(teamCounty)) {
                    throw new UserInputException("交叉巡察的巡察组不能来自延伸对象“" + e.name() + "”所在的县（市、区）");
                }
            }
        }
        if (!extensions.isEmpty() && !forms.contains(InspectionForm.EXTENDED)) {
            throw new UserInputException("填写了延伸对象，须选择“延伸巡察”");
        }
        if (forms.contains(InspectionForm.EXTENDED)) {
            if (extensions.isEmpty()) {
                throw new UserInputException("延伸巡察须至少填写一个延伸对象");
            }
            for (var e : extensions.entrySet()) {
                if (!extendsFrom(e.getKey(), e.getValue())) {
                    throw new UserInputException("延伸对象“" + e.getKey().name() + "”既不是“" + e.getValue().name()
                            + "”的下属单位，也不在其辖区内");
                }
            }
        }
        if (forms.contains(InspectionForm.SYSTEM)) {
            Set<String> sectors = new HashSet<>();
            mains.forEach(m -> sectors.add(m.sector()));
            if (sectors.size() > 1) {
                throw new UserInputException("系统巡察的对象须属于同一领域");
            }
        }
    }

    /** A descendant through the parent chain, or an organization in a division inside the main target's own. */
    private boolean extendsFrom(InspectionRepository.Organization extension, InspectionRepository.Organization main) {
        Long parent = extension.parentId();
        Set<Long> visited = new HashSet<>();
        while (parent != null && visited.add(parent) && visited.size() < 100) {
            if (parent == main.id()) {
                return true;
            }
            parent = inspections.organization(parent).map(InspectionRepository.Organization::parentId).orElse(null);
        }
        RegionCode mainRegion = RegionCode.of(main.regionCode());
        String ext = extension.regionCode();
        return !ext.equals(main.regionCode()) && RegionCode.isValid(ext) && ext.startsWith(mainRegion.significantPrefix())
                && RegionCode.of(ext).level().ordinal() > mainRegion.level().ordinal();
    }

    /** A required or optional free text, stripped, at most {@code max} characters. */
    static String text(String raw, String label, int max, boolean required) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            if (required) {
                throw new UserInputException("请填写" + label);
            }
            return null;
        }
        if (s.length() > max) {
            throw new UserInputException(label + "不能超过" + max + "个字");
        }
        return s;
    }
}
