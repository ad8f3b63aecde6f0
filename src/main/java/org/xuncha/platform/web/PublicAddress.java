package org.xuncha.platform.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address citizens reach the application at: the base of the public channel's {@code /r/<code>} on the entry
 * announcement, its QR code and the receipt slip. Contract:
 * <ul>
 *   <li>set ({@code xuncha.public-base-url}, {@code XUNCHA_PUBLIC_BASE_URL}): that address, in both editions;</li>
 *   <li>unset in the embedded edition (H2): derived from the running server — the machine's first non-loopback
 *       IPv4 address on an interface that is up, and the port the server actually listens on — because a laptop
 *       in an office is reached by its LAN address, never by "localhost";</li>
 *   <li>unset in the server edition (PostgreSQL): required. The same derivation keeps the pages working, but
 *       {@link #warning()} says so on the office's pages until it is set: behind a load balancer the machine's
 *       own address is not the one citizens reach.</li>
 * </ul>
 * An address whose host is the machine itself (localhost, 127.x, ::1) is warned about in either edition: a QR code
 * pointing there opens nothing on a citizen's phone.
 */
@Component
public class PublicAddress {

    private final String configured;
    private final boolean serverEdition;
    private volatile int port;
    private final String machineHost;

    @Autowired
    PublicAddress(@Value("${xuncha.public-base-url:}") String configured,
                  @Value("${spring.datasource.url:}") String datasourceUrl,
                  @Value("${server.port:8080}") int port) {
        this(configured, !datasourceUrl.startsWith("jdbc:h2:"), port, machineAddress());
    }

    /** For tests: the machine's address given instead of looked up. */
    PublicAddress(String configured, boolean serverEdition, int port, String machineHost) {
        String clean = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.configured = clean.isEmpty() ? null : clean;
        this.serverEdition = serverEdition;
        this.port = port;
        this.machineHost = machineHost;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getWebServer().getPort() > 0) {
            port = event.getWebServer().getPort();
        }
    }

    /** The base address, without a trailing slash (e.g. {@code https://xuncha.example.gov.cn}). */
    public String base() {
        if (configured != null) {
            return configured;
        }
        String host = machineHost.contains(":") ? "[" + machineHost + "]" : machineHost;
        return "http://" + host + (port == 80 ? "" : ":" + port);
    }

    /** The absolute address of a path under the base ({@code path} starts with "/"). */
    public String url(String path) {
        return base() + path;
    }

    /** Whether the address was set by configuration rather than derived. */
    public boolean configured() {
        return configured != null;
    }

    /** What the office should be told about the address, in Chinese; empty when nothing is wrong. */
    public Optional<String> warning() {
        if (configured == null && serverEdition) {
            return Optional.of("尚未设置群众访问的公开地址（环境变量 XUNCHA_PUBLIC_BASE_URL）：进驻公告、二维码和回执上的地址暂用本机地址 "
                    + base() + "，群众可能无法访问。请设置后重启。");
        }
        if (pointsToThisMachine(base())) {
            return Optional.of("公开地址 " + base() + " 指向本机，群众扫描进驻公告二维码将无法访问；请将 XUNCHA_PUBLIC_BASE_URL "
                    + "设置为群众能够访问的地址后重启。");
        }
        return Optional.empty();
    }

    static boolean pointsToThisMachine(String base) {
        String host;
        try {
            host = URI.create(base).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("::1") || host.equals("0.0.0.0") || host.equals("0:0:0:0:0:0:0:1");
    }

    /** A non-loopback IPv4 address of an interface that is up, LAN first; "localhost" when there is none. */
    private static String machineAddress() {
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            List<String> siteLocal = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (NetworkInterface ni : interfaces) {
                if (!ni.isUp() || ni.isLoopback() || ni.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        (a.isSiteLocalAddress() ? siteLocal : other).add(a.getHostAddress());
                    }
                }
            }
            // a LAN address (10/8, 172.16/12, 192.168/16) is what people in the office and on its Wi-Fi reach
            return siteLocal.isEmpty() ? other.isEmpty() ? "localhost" : other.get(0) : siteLocal.get(0);
        } catch (SocketException e) {
            return "localhost";
        }
    }
}
