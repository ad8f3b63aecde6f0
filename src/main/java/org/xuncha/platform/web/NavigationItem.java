package org.xuncha.platform.web;

import java.util.Set;

import org.xuncha.common.Role;

/**
 * One entry of the left navigation. Modules declare them as beans; the layout shows an entry to a user
 * who holds one of its roles. The navigation only mirrors the endpoint rules, it never replaces them.
 *
 * @param group   the navigation section, in Chinese (e.g. "基础数据")
 * @param order   position across all entries, lowest first
 */
public record NavigationItem(String group, String label, String href, int order, Set<Role> roles) {
}
