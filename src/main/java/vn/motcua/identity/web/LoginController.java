package vn.motcua.identity.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.identity.demo.DemoAccounts;
import vn.motcua.platform.MotCuaProperties;

@Controller
class LoginController {

    private final boolean demo;

    LoginController(MotCuaProperties properties) {
        this.demo = properties.demo().enabled();
    }

    @GetMapping("/dang-nhap")
    String login(Model model) {
        model.addAttribute("demoAccounts", demo ? DemoAccounts.USERNAMES : List.of());
        model.addAttribute("demoPassword", demo ? DemoAccounts.PASSWORD : null);
        return "identity/login";
    }
}
