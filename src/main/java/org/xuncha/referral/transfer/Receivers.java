package org.xuncha.referral.transfer;

import org.xuncha.referral.ReceiverKind;

/** How a receiver is named on pages and letters. */
final class Receivers {

    private Receivers() {
    }

    /**
     * A DEPARTMENT receiver by its department's name; the 纪委监委 and the 组织部 by the committee of the receiving
     * body: 清江甲县委巡察机构 → 清江甲县纪委监委 / 清江甲县委组织部. A body name without 委巡察 keeps the kind's label
     * with the body's name in brackets.
     */
    static String label(ReceiverKind kind, String bodyName, String department) {
        if (kind == ReceiverKind.DEPARTMENT) {
            return department == null || department.isBlank() ? kind.label() : department;
        }
        String name = bodyName == null ? "" : bodyName.strip();
        if (name.startsWith("中共")) {
            name = name.substring(2);
        }
        int committee = name.indexOf("委巡察");
        if (committee > 0) {
            String place = name.substring(0, committee);
            return kind == ReceiverKind.DISCIPLINE ? place + "纪委监委" : place + "委组织部";
        }
        return name.isEmpty() ? kind.label() : kind.label() + "（" + name + "）";
    }
}
