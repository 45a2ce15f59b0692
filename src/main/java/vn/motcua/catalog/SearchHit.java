package vn.motcua.catalog;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A procedure found by a search, with its score (higher is better) and its name cut into pieces, the pieces that
 * matched the query marked.
 */
public record SearchHit(ProcedureSummary procedure, float score, List<Highlight> name) {

    /** A piece of the procedure name; {@code matched} when it matched a word of the query. */
    public record Highlight(String text, boolean matched) {
    }

    /** The name as HTML with matched pieces in {@code <mark>}, the rest escaped. */
    public String highlightedHtml() {
        StringBuilder html = new StringBuilder();
        for (Highlight h : name) {
            String text = HtmlUtils.htmlEscape(h.text(), "UTF-8");
            html.append(h.matched() ? "<mark>" + text + "</mark>" : text);
        }
        return html.toString();
    }
}
