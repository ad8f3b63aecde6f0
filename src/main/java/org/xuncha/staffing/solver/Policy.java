package org.xuncha.staffing.solver;

import java.util.Set;

/** The instance's {@code rules}: which places to avoid, rotation, local liaison seats. */
public record Policy(Set<Avoid> avoid, boolean pushMill, boolean localLiaison) {

    public enum Avoid {
        RESIDENCE("居住地"), WORKPLACE("工作地"), POSTING("任职地"), HOMETOWN("成长地");

        private final String label;

        Avoid(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
