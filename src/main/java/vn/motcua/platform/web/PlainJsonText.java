package vn.motcua.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Every string read from a JSON body: control characters (NUL and the like; line breaks and tabs stay) are refused
 * with a 400 naming the field, as {@link InputGuard} does for form parameters. A NUL would otherwise reach
 * PostgreSQL, which refuses it with an error (a 500), and the others have no business in a request.
 */
final class PlainJsonText extends StdScalarDeserializer<String> {

    PlainJsonText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && !InputGuard.isClean(text, true)) {
            String field = parser.currentName();
            throw UserFacingException.badRequest("error.controlCharacters", field == null ? "JSON" : field);
        }
        return text;
    }
}
