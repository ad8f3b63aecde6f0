package org.xuncha.demo;

import java.util.Locale;
import java.util.Optional;

/** How much the generator creates: one demo city, or a province for benchmarks. */
enum Scale {
    CITY("一个市（演示）"), PROVINCE("一个省（压力测试）");

    private final String label;

    Scale(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<Scale> parse(String text) {
        for (Scale scale : values()) {
            if (scale.name().equals(text.toUpperCase(Locale.ROOT))) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }
}
