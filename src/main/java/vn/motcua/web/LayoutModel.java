package vn.motcua.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.MotCuaProperties;

/** What every page's header and footer need: the signed-in person and whether this is a demo installation. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final boolean demo;

    LayoutModel(MotCuaProperties properties) {
        this.demo = properties.demo().enabled();
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
