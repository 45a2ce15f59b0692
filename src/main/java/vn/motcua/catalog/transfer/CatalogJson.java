package vn.motcua.catalog.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.Procedure;

/**
 * The catalog as JSON: {@code {"format": "motcua-catalog/1", "procedures": [ ... ]}}, each procedure in the shape of
 * {@link Procedure}. A bare array of procedures is read too. Each procedure is read on its own, so one malformed
 * entry is reported without losing the others.
 */
@Component
public class CatalogJson {

    public static final String FORMAT = "motcua-catalog/1";

    private final JsonMapper json;
    private final MessageSource messages;

    CatalogJson(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    public List<ParsedRow> read(InputStream in) throws CatalogFileException {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JacksonException e) {
            throw new CatalogFileException("catalog.import.badJson", e.getOriginalMessage());
        }
        JsonNode items = root != null && root.isObject() ? root.get("procedures") : root;
        if (items == null || !items.isArray()) {
            throw new CatalogFileException("catalog.import.noProcedures");
        }
        List<ParsedRow> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode item : items) {
            index++;
            String where = messages.getMessage("catalog.import.item", new Object[]{index}, LocaleContextHolder.getLocale());
            String code = item.path("code").isString() ? item.path("code").asString() : null;
            try {
                rows.add(ParsedRow.of(where, json.treeToValue(item, Procedure.class)));
            } catch (JacksonException e) {
                rows.add(ParsedRow.rejected(where, code, List.of(messages.getMessage("catalog.import.badItem",
                        new Object[]{e.getOriginalMessage()}, LocaleContextHolder.getLocale()))));
            }
        }
        return rows;
    }

    public void write(List<Procedure> procedures, OutputStream out) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("procedures", procedures);
        json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out, document);
    }
}
