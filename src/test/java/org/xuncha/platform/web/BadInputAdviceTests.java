package org.xuncha.platform.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The global bad-input answers, on a probe controller of its own in standalone MockMvc: JSON under /api/, the error
 * view with the message elsewhere. The rendered error page is checked through a real endpoint in
 * people.InspectorSheetsTests (a bad export filter).
 */
class BadInputAdviceTests {

    /** A subclass, as modules throw their own kinds of bad input. */
    static class NoSuchChoice extends UserInputException {
        NoSuchChoice() {
            super("所选类别不存在");
        }
    }

    /** An inner (non-static) class: component scanning only picks independent classes, so it stays here. */
    @Controller
    class Probe {
        @GetMapping({"/api/probe/bad", "/probe/bad"})
        @ResponseBody
        String bad() {
            throw new NoSuchChoice();
        }

        @GetMapping({"/api/probe/big", "/probe/big"})
        @ResponseBody
        String big() {
            throw new MaxUploadSizeExceededException(20L * 1024 * 1024);
        }

        @GetMapping("/api/probe/crash")
        @ResponseBody
        String crash() {
            throw new IllegalStateException("internal detail");
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Probe()).setControllerAdvice(new BadInputAdvice(java.util.List.of())).build();

    @Test
    void userInputUnderApiIsJson400WithTheChineseMessage() throws Exception {
        mvc.perform(get("/api/probe/bad"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.message").value("所选类别不存在"))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void userInputOnAPageIsTheErrorViewWithTheMessage() throws Exception {
        mvc.perform(get("/probe/bad"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("message", "所选类别不存在"))
                .andExpect(model().attribute("status", 400));
    }

    @Test
    void anOversizedUploadIs413InBothShapes() throws Exception {
        mvc.perform(get("/api/probe/big"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.message").value("上传文件过大"));
        mvc.perform(get("/probe/big"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("message", "上传文件过大"));
    }

    @Test
    void otherExceptionsAreNotTurnedIntoBadInput() {
        assertThatThrownBy(() -> mvc.perform(get("/api/probe/crash")))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }
}
