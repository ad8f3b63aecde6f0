package org.xuncha.supervision.evaluation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The indicator models' pages (issue 15 §4): the list with the example templates to copy, one version with its
 * content, the draft's form (one text area per part, see {@link ModelForm}), 发布 and 修订 (the next version as a new
 * draft). Office only; post/redirect/get; a refusal re-renders the page with its Chinese message.
 */
@Controller
class EvaluationModelController {

    static final String OFFICE = "hasRole('OFFICE')";

    private final EvaluationModels models;

    EvaluationModelController(EvaluationModels models) {
        this.models = models;
    }

    @GetMapping("/supervision/evaluation-models")
    @PreAuthorize(OFFICE)
    String list(DataScope scope, Model model) {
        return renderList(scope, null, model);
    }

    private String renderList(DataScope scope, String error, Model model) {
        model.addAttribute("models", models.list(scope));
        model.addAttribute("templates", ModelTemplates.values());
        model.addAttribute("error", error);
        return "supervision/evaluation/models";
    }

    @PostMapping("/supervision/evaluation-models")
    @PreAuthorize(OFFICE)
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String template,
                  DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            long id = models.create(scope, name, template);
            redirect.addFlashAttribute("message", "已新建指标模型（草稿）");
            return "redirect:/supervision/evaluation-models/" + id;
        } catch (UserInputException e) {
            return renderList(scope, e.getMessage(), model);
        }
    }

    @GetMapping("/supervision/evaluation-models/{id}")
    @PreAuthorize(OFFICE)
    String page(@PathVariable long id, DataScope scope, Model model) {
        return render(scope, id, null, null, model);
    }

    private String render(DataScope scope, long id, ModelForm form, String error, Model model) {
        EvaluationModels.ModelPage p = models.page(scope, id);
        model.addAttribute("p", p);
        model.addAttribute("form", form != null ? form : ModelForm.of(p.content().definition()));
        model.addAttribute("weightSum", ModelForm.plain(p.content().definition().weightSum()));
        model.addAttribute("error", error);
        return "supervision/evaluation/model";
    }

    @PostMapping("/supervision/evaluation-models/{id}")
    @PreAuthorize(OFFICE)
    String save(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String name, @RequestParam(required = false) String indicators,
                @RequestParam(required = false) String rules, @RequestParam(required = false) String vetoes,
                @RequestParam(required = false) String bands, DataScope scope, Model model,
                RedirectAttributes redirect) {
        models.model(scope, id);
        ModelForm form = new ModelForm(name, indicators, rules, vetoes, bands);
        try {
            models.saveDraft(scope, id, version, form.definition());
            redirect.addFlashAttribute("message", "已保存草稿");
            return "redirect:/supervision/evaluation-models/" + id;
        } catch (UserInputException e) {
            return render(scope, id, form, e.getMessage(), model);
        }
    }

    @PostMapping("/supervision/evaluation-models/{id}/publish")
    @PreAuthorize(OFFICE)
    String publish(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                   Model model, RedirectAttributes redirect) {
        models.model(scope, id);
        try {
            models.publish(scope, id, version);
            redirect.addFlashAttribute("message", "已发布；此版本不再修改");
            return "redirect:/supervision/evaluation-models/" + id;
        } catch (UserInputException e) {
            return render(scope, id, null, e.getMessage(), model);
        }
    }

    @PostMapping("/supervision/evaluation-models/{id}/revise")
    @PreAuthorize(OFFICE)
    String revise(@PathVariable long id, DataScope scope, RedirectAttributes redirect) {
        long draft = models.revise(scope, id);
        redirect.addFlashAttribute("message", "已生成新版本草稿");
        return "redirect:/supervision/evaluation-models/" + draft;
    }
}
