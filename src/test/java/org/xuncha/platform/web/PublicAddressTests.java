package org.xuncha.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public address: configured wins, unset is derived from the machine, and the office is warned when unusable. */
class PublicAddressTests {

    @Test
    void aConfiguredAddressIsUsedAsGivenWithoutTrailingSlashesInBothEditions() {
        for (boolean server : new boolean[] {false, true}) {
            PublicAddress a = new PublicAddress(" https://xuncha.qingjiang.gov.cn/// ", server, 8080, "10.1.2.3");
            assertThat(a.base()).isEqualTo("https://xuncha.qingjiang.gov.cn");
            assertThat(a.url("/r/status")).isEqualTo("https://xuncha.qingjiang.gov.cn/r/status");
            assertThat(a.configured()).isTrue();
            assertThat(a.warning()).isEmpty();
        }
    }

    @Test
    void theEmbeddedEditionDerivesTheAddressFromTheMachineAndPortWithoutWarning() {
        PublicAddress a = new PublicAddress("", false, 8443, "192.168.10.20");
        assertThat(a.base()).isEqualTo("http://192.168.10.20:8443");
        assertThat(a.configured()).isFalse();
        assertThat(a.warning()).isEmpty();
        assertThat(new PublicAddress(null, false, 80, "192.168.10.20").base()).isEqualTo("http://192.168.10.20");
    }

    @Test
    void theServerEditionWarnsWhileTheAddressIsUnsetButKeepsAWorkingOne() {
        PublicAddress a = new PublicAddress("  ", true, 8080, "10.0.0.5");
        assertThat(a.base()).isEqualTo("http://10.0.0.5:8080");
        assertThat(a.warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("尚未设置群众访问的公开地址").contains("XUNCHA_PUBLIC_BASE_URL").contains("http://10.0.0.5:8080"));
    }

    @Test
    void anAddressPointingToThisMachineIsWarnedAboutInEitherEdition() {
        for (String base : new String[] {"http://localhost:8080", "http://127.0.0.1", "http://[::1]:8080",
                "https://LOCALHOST/", "http://0.0.0.0:8080"}) {
            assertThat(new PublicAddress(base, false, 8080, "10.0.0.5").warning()).as(base)
                    .hasValueSatisfying(w -> assertThat(w).contains("指向本机"));
            assertThat(new PublicAddress(base, true, 8080, "10.0.0.5").warning()).as(base).isPresent();
        }
        // a machine with no network but loopback derives localhost, and that is warned about too
        assertThat(new PublicAddress("", false, 8080, "localhost").warning())
                .hasValueSatisfying(w -> assertThat(w).contains("http://localhost:8080").contains("指向本机"));
        assertThat(PublicAddress.pointsToThisMachine("http://localhost.example.cn")).isFalse();
        assertThat(PublicAddress.pointsToThisMachine("http://127example.cn")).isFalse();
    }
}
