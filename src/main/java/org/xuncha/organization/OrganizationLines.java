package org.xuncha.organization;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xuncha.common.OrganizationId;

/**
 * A part of the organization tree with every ancestor of the organizations it was loaded for: enough to tell
 * whether two of them are in the same line of leadership (回避 "上下级"). Built by
 * {@link OrganizationCatalog#lines}, or by a caller that holds the tree itself (the demo generator).
 *
 * @param nodes every organization known to this snapshot, by id; a parent missing from it ends the line there
 */
public record OrganizationLines(Map<OrganizationId, Node> nodes) {

    public OrganizationLines {
        nodes = Map.copyOf(nodes);
    }

    /** One organization: its name (as offices know it) and its parent, null at the top of a line. */
    public record Node(OrganizationId id, String code, String name, OrganizationId parent) {
    }

    /** How organization {@code a} stands to {@code b} in the tree. */
    public enum Position {
        SAME("同一单位"), ABOVE("上级单位"), BELOW("下级单位");

        private final String label;

        Position(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The ancestors of {@code id}, its parent first; empty at the top of a line or for an unknown id. */
    public List<OrganizationId> ancestors(OrganizationId id) {
        List<OrganizationId> line = new ArrayList<>();
        Set<OrganizationId> seen = new HashSet<>();
        Node node = nodes.get(id);
        while (node != null && node.parent() != null && seen.add(node.parent())) {
            line.add(node.parent());
            node = nodes.get(node.parent());
        }
        return line;
    }

    /**
     * Where {@code a} stands to {@code b}: the same organization, above it (an ancestor) or below it (a
     * descendant); empty when they are in different lines (siblings and cousins included).
     */
    public Optional<Position> position(OrganizationId a, OrganizationId b) {
        if (a == null || b == null) {
            return Optional.empty();
        }
        if (a.equals(b)) {
            return Optional.of(Position.SAME);
        }
        if (ancestors(b).contains(a)) {
            return Optional.of(Position.ABOVE);
        }
        if (ancestors(a).contains(b)) {
            return Optional.of(Position.BELOW);
        }
        return Optional.empty();
    }

    /** The organization's name, or its id in words when this snapshot does not know it. */
    public String name(OrganizationId id) {
        Node node = nodes.get(id);
        return node == null ? "组织" + id.value() : node.name();
    }
}
