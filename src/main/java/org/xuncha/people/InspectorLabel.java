package org.xuncha.people;

import org.xuncha.common.InspectorId;

/** An inspector as another module shows it beside a record it may read (a team seat): code and name only. */
public record InspectorLabel(InspectorId id, String code, String name) {
}
