package vn.motcua.platform.web;

import org.springframework.stereotype.Component;

import vn.motcua.platform.MotCuaProperties;

/**
 * What names this installation on every page: the province or city it serves ({@code motcua.place-name}), so that a
 * real installation does not read as the demo's. Templates reach it as {@code @site}.
 */
@Component("site")
public class Site {

    private final String placeName;

    Site(MotCuaProperties properties) {
        this.placeName = properties.placeName();
    }

    public String placeName() {
        return placeName;
    }
}
