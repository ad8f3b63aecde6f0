package org.xuncha.findings.taxonomy;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.platform.web.NavigationItem;
import org.xuncha.platform.web.UserInputException;

/**
 * 问题分类 page (/findings/taxonomy) and its JSON beside it: the heading schemes with their items, the scheme per
 * sector, the topic tags. The office changes them; its leading group and teams read them. Post/redirect/get; a
 * refused change renders the page again with the Chinese message and changes nothing.
 */
@Controller
class TaxonomyController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";
    static final String OFFICE = "hasRole('OFFICE')";

    private final FindingTaxonomy taxonomy;

    TaxonomyController(FindingTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping("/findings/taxonomy")
    @PreAuthorize(READERS)
    String page(DataScope scope, Model model) {
        return render(null, scope, model);
    }

    private String render(String error, DataScope scope, Model model) {
        model.addAttribute("schemes", taxonomy.schemes(scope));
        model.addAttribute("choices", taxonomy.choices(scope));
        model.addAttribute("tags", taxonomy.tags(scope));
        model.addAttribute("allSchemes", HeadingScheme.values());
        model.addAttribute("canEdit", scope.has(Role.OFFICE));
        model.addAttribute("error", error);
        return "findings/taxonomy";
    }

    @PostMapping("/findings/taxonomy/items")
    @PreAuthorize(OFFICE)
    String addItem(@RequestParam(required = false) Long parent, @RequestParam(required = false) String label,
                   DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            if (parent == null) {
                throw new UserInputException("请选择上级标题");
            }
            taxonomy.addItem(scope, parent, label);
            redirect.addFlashAttribute("message", "已添加标题");
            return "redirect:/findings/taxonomy";
        } catch (UserInputException e) {
            return render(e.getMessage(), scope, model);
        }
    }

    @PostMapping("/findings/taxonomy/items/{id}/retire")
    @PreAuthorize(OFFICE)
    String retireItem(@PathVariable long id, DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            taxonomy.retireItem(scope, id);
            redirect.addFlashAttribute("message", "已停用标题");
            return "redirect:/findings/taxonomy";
        } catch (UserInputException e) {
            return render(e.getMessage(), scope, model);
        }
    }

    @PostMapping("/findings/taxonomy/schemes")
    @PreAuthorize(OFFICE)
    String choose(@RequestParam(required = false) String sector, @RequestParam(required = false) String scheme,
                  DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            taxonomy.chooseScheme(scope, sector, scheme);
            redirect.addFlashAttribute("message", "已保存");
            return "redirect:/findings/taxonomy";
        } catch (UserInputException e) {
            return render(e.getMessage(), scope, model);
        }
    }

    @PostMapping("/findings/taxonomy/tags")
    @PreAuthorize(OFFICE)
    String addTag(@RequestParam(required = false) String label, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        try {
            taxonomy.addTag(scope, label);
            redirect.addFlashAttribute("message", "已添加专题标签");
            return "redirect:/findings/taxonomy";
        } catch (UserInputException e) {
            return render(e.getMessage(), scope, model);
        }
    }

    @PostMapping("/findings/taxonomy/tags/{id}/retire")
    @PreAuthorize(OFFICE)
    String retireTag(@PathVariable long id, DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            taxonomy.retireTag(scope, id);
            redirect.addFlashAttribute("message", "已停用专题标签");
            return "redirect:/findings/taxonomy";
        } catch (UserInputException e) {
            return render(e.getMessage(), scope, model);
        }
    }

    /** The whole taxonomy of the caller's office as JSON. */
    record TaxonomyView(List<FindingTaxonomy.Scheme> schemes, List<SchemeChoice> choices, List<TopicTag> tags) {
    }

    @GetMapping("/api/findings/taxonomy")
    @PreAuthorize(READERS)
    @ResponseBody
    TaxonomyView api(DataScope scope) {
        return new TaxonomyView(taxonomy.schemes(scope), taxonomy.choices(scope), taxonomy.tags(scope));
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationItem findingTaxonomyNav() {
            return new NavigationItem("巡察工作", "问题分类", "/findings/taxonomy", 482,
                    Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER));
        }
    }
}
