package org.xuncha.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the navigation the caller may use into every page model. */
@ControllerAdvice
class LayoutAdvice {

    private final List<NavigationItem> items;

    LayoutAdvice(List<NavigationItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("navigation")
    Map<String, List<NavigationItem>> navigation(Authentication authentication) {
        if (authentication == null) {
            return Map.of();
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return items.stream()
                .filter(i -> i.roles().stream().anyMatch(r -> authorities.contains(r.authority())))
                .collect(Collectors.groupingBy(NavigationItem::group, LinkedHashMap::new, Collectors.toList()));
    }
}
