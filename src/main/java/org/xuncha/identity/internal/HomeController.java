package org.xuncha.identity.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.web.NavigationItem;
import org.xuncha.platform.web.PendingWork;

/** Sign-in page and the home page: for each of the caller's roles, what it does and where to start. */
@Controller
class HomeController {

    private final List<NavigationItem> navigation;
    private final List<PendingWork> pendingWork;

    HomeController(List<NavigationItem> navigation, List<PendingWork> pendingWork) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.pendingWork = pendingWork;
    }

    /** One card of the home page. */
    record RoleCard(String label, String duties, List<NavigationItem> entries) {
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal XunchaPrincipal me, DataScope scope, Model model) {
        model.addAttribute("cards", cards(me));
        model.addAttribute("pending", pendingWork.stream().flatMap(w -> w.pendingFor(scope).stream())
                .filter(item -> item.count() > 0).toList());
        return "identity/home";
    }

    List<RoleCard> cards(XunchaPrincipal me) {
        return me.roles().stream().sorted().map(role -> new RoleCard(role.label(), RoleGuide.duties(role),
                navigation.stream().filter(i -> i.roles().contains(role))
                        // Entries every role has (own password, home) say nothing about this role.
                        .filter(i -> i.roles().size() < Role.values().length)
                        .filter(i -> !"/".equals(i.href())).toList())).toList();
    }

}
