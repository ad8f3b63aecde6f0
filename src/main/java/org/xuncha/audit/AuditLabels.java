package org.xuncha.audit;

import java.util.Map;

/**
 * Extension point: the Chinese names of the coded values a module writes into its audit details (a stage, a role,
 * a disposition), taken from its own enums' labels so that each enum keeps one source of labels. The auditor's page
 * shows {@code from=PREPARING} as "原阶段：准备". Action and object names are the trail's own vocabulary
 * (audit/vocabulary.properties).
 */
public interface AuditLabels {

    /**
     * The object types (as written in the records, e.g. "Inspection") whose details these values name: the same
     * code may mean different things for different objects (CLOSED is 报结 for an inspection, 已办结 for a petition).
     */
    java.util.Set<String> objectTypes();

    /** Code → Chinese label. */
    Map<String, String> values();
}
