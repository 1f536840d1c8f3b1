package org.medops.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How console pages carry out a button's action: on success a notice for the next page, on a refused
 * business rule the readable problem instead (post/redirect/get either way).
 */
public final class ConsoleActions {

    private ConsoleActions() {
    }

    public static void attempt(RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
    }
}
