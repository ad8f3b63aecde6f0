package org.xuncha.identity.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xuncha.identity.XunchaPrincipal;

/** Sign-in page and the home page of each role. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal XunchaPrincipal me, Model model) {
        model.addAttribute("roles", me.roles());
        return "identity/home";
    }
}
