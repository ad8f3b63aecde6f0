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

/**
 * Puts the navigation the caller may use into every page model, and for the office (which hands out the entry
 * announcement and its QR code) the warning about the public address while it is unusable ({@link PublicAddress}).
 */
@ControllerAdvice
class LayoutAdvice {

    private final List<NavigationItem> items;
    private final PublicAddress publicAddress;

    LayoutAdvice(List<NavigationItem> items, PublicAddress publicAddress) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.publicAddress = publicAddress;
    }

    @ModelAttribute("publicAddressWarning")
    String publicAddressWarning(Authentication authentication) {
        if (authentication == null || authentication.getAuthorities().stream()
                .noneMatch(a -> "ROLE_OFFICE".equals(a.getAuthority()))) {
            return null;
        }
        return publicAddress.warning().orElse(null);
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
