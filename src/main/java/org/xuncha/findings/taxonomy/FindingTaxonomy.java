package org.xuncha.findings.taxonomy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.organization.Sector;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * 问题分类: the heading schemes' items, the scheme per sector and the topic tags of the caller's office. The built-in
 * items and tags are shared; an office adds second- and third-level items and tags of its own, retires its own
 * (never deletes: findings point at them), and chooses the scheme for each sector. Read by the office, its leading
 * group and its inspection teams (they classify findings with it); changed only by the office; TARGET and
 * COLLABORATOR accounts read nothing. Every change is audited.
 */
@Service
public class FindingTaxonomy {

    static final int MAX_LABEL = 100;
    static final int MAX_TAG = 40;

    private final TaxonomyRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    FindingTaxonomy(TaxonomyRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** The schemes with their items as a tree in order, for the caller's office. */
    public record Scheme(HeadingScheme scheme, List<Node> items) {
    }

    /** An item and the items under it. */
    public record Node(HeadingItem item, List<Node> children) {
    }

    @Transactional(readOnly = true)
    public List<Scheme> schemes(DataScope scope) {
        long body = readableBody(scope);
        List<HeadingItem> items = repository.items(body);
        Map<HeadingScheme, List<Node>> roots = new EnumMap<>(HeadingScheme.class);
        Map<Long, Node> nodes = new java.util.HashMap<>();
        for (HeadingItem item : items) {
            nodes.put(item.id(), new Node(item, new ArrayList<>()));
        }
        for (HeadingItem item : items) {
            Node node = nodes.get(item.id());
            if (item.parentId() == null) {
                roots.computeIfAbsent(item.scheme(), s -> new ArrayList<>()).add(node);
            } else if (nodes.containsKey(item.parentId())) {
                nodes.get(item.parentId()).children().add(node);
            }
        }
        List<Scheme> result = new ArrayList<>();
        for (HeadingScheme s : HeadingScheme.values()) {
            result.add(new Scheme(s, roots.getOrDefault(s, List.of())));
        }
        return result;
    }

    /** Every sector with the scheme the office reports it under (its choice, or the default). */
    @Transactional(readOnly = true)
    public List<SchemeChoice> choices(DataScope scope) {
        long body = readableBody(scope);
        Map<String, HeadingScheme> chosen = repository.choices(body);
        List<SchemeChoice> result = new ArrayList<>();
        for (Sector sector : Sector.values()) {
            HeadingScheme s = chosen.get(sector.name());
            result.add(new SchemeChoice(sector.name(), sector.label(),
                    s != null ? s : HeadingScheme.defaultFor(sector.name()), s != null));
        }
        return result;
    }

    /** The scheme for organizations of {@code sector} in the caller's office. */
    @Transactional(readOnly = true)
    public HeadingScheme schemeFor(DataScope scope, String sector) {
        long body = readableBody(scope);
        HeadingScheme s = repository.choices(body).get(sector);
        return s != null ? s : HeadingScheme.defaultFor(sector);
    }

    @Transactional(readOnly = true)
    public List<TopicTag> tags(DataScope scope) {
        return repository.tags(readableBody(scope));
    }

    @Transactional
    public void chooseScheme(DataScope scope, String sector, String scheme) {
        long body = writableBody(scope);
        Sector s = parse(Sector.class, sector, "请选择领域");
        HeadingScheme h = parse(HeadingScheme.class, scheme, "请选择问题标题体系");
        repository.choose(body, s.name(), h, scope.user().value(), now());
        audit.success("FINDING_SCHEME_CHOSEN", "FindingTaxonomy", body, "sector=" + s.label() + "; scheme=" + h.label());
    }

    /** Adds an item under {@code parentId} (a level-1 or level-2 item the office sees); returns the new id. */
    @Transactional
    public long addItem(DataScope scope, long parentId, String label) {
        long body = writableBody(scope);
        HeadingItem parent = repository.item(parentId, body).orElseThrow(() -> new NotFoundInScope("heading item " + parentId));
        if (!parent.active()) {
            throw new UserInputException("上级标题已停用，不能在其下添加");
        }
        if (parent.level() >= 3) {
            throw new UserInputException("三级标题之下不能再分级");
        }
        String text = label(label, MAX_LABEL, "标题");
        if (repository.siblingLabelTaken(parent.id(), body, text)) {
            throw new UserInputException("同一上级标题下已有“" + text + "”");
        }
        long id = repository.addItem(parent, body, text, scope.user().value(), now());
        audit.success("FINDING_HEADING_ADDED", "FindingHeading", id, "scheme=" + parent.scheme().label()
                + "; level=" + (parent.level() + 1) + "; label=" + text);
        return id;
    }

    /** Retires one of the office's own items (with its own items under it); built-in items cannot be retired. */
    @Transactional
    public void retireItem(DataScope scope, long id) {
        long body = writableBody(scope);
        HeadingItem item = repository.item(id, body).orElseThrow(() -> new NotFoundInScope("heading item " + id));
        if (item.builtIn()) {
            throw new UserInputException("内置标题不能停用，可在其下添加本机构的标题");
        }
        if (!item.active()) {
            throw new UserInputException("该标题已停用");
        }
        int changed = repository.retireItem(id, body);
        audit.success("FINDING_HEADING_RETIRED", "FindingHeading", id, "label=" + item.label() + "; rows=" + changed);
    }

    @Transactional
    public long addTag(DataScope scope, String label) {
        long body = writableBody(scope);
        String text = label(label, MAX_TAG, "专题标签");
        if (repository.tagTaken(body, text)) {
            throw new UserInputException("已有专题标签“" + text + "”");
        }
        long id = repository.addTag(body, text, scope.user().value(), now());
        audit.success("FINDING_TAG_ADDED", "FindingTopicTag", id, "label=" + text);
        return id;
    }

    @Transactional
    public void retireTag(DataScope scope, long id) {
        long body = writableBody(scope);
        TopicTag tag = repository.tags(body).stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundInScope("topic tag " + id));
        if (tag.builtIn()) {
            throw new UserInputException("内置专题标签不能停用");
        }
        if (repository.retireTag(id, body) == 0) {
            throw new UserInputException("该专题标签已停用");
        }
        audit.success("FINDING_TAG_RETIRED", "FindingTopicTag", id, "label=" + tag.label());
    }

    private static long readableBody(DataScope scope) {
        if (scope.hasAny(Role.TARGET, Role.COLLABORATOR) || scope.body() == null
                || !scope.hasAny(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            throw new AccessDeniedException("taxonomy");
        }
        return scope.body().value();
    }

    private static long writableBody(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new AccessDeniedException("taxonomy");
        }
        return scope.body().value();
    }

    private static String label(String raw, int max, String what) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new UserInputException("请填写" + what);
        }
        if (text.length() > max) {
            throw new UserInputException(what + "不能超过 " + max + " 个字");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new UserInputException(what + "不能含控制字符");
        }
        return text;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String message) {
        try {
            return Enum.valueOf(type, name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(message);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
