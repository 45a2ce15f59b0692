package vn.motcua.notification.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.notification.internal.DeliveryLog;
import vn.motcua.platform.web.UserFacingException;

/**
 * The SMS gateway's delivery receipts: {@code {"id": "<the id it gave the message>", "status": "DELIVERED" |
 * "FAILED", "at": "2025-11-20T09:31:00+07:00", "error": "..."}} with the shared secret
 * ({@code motcua.notification.sms.receipt-secret}) in {@code X-Receipt-Secret}. A wrong or missing secret is
 * answered 401 before the body is read, an unknown id 404; nothing is recorded either way.
 */
@RestController
class SmsReceiptApi {

    static final String PATH = "/api/v1/notifications/sms/receipts";
    static final String SECRET_HEADER = "X-Receipt-Secret";

    private final DeliveryLog log;
    private final JsonMapper json;

    SmsReceiptApi(DeliveryLog log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    record Recorded(String id, String status) {
    }

    @PostMapping(PATH)
    Recorded receipt(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
                     @RequestBody(required = false) String body) {
        if (!log.receiptAuthentic(secret)) {
            throw new UserFacingException(HttpStatus.UNAUTHORIZED, "unauthorized", "notification.receipt.unauthorized");
        }
        JsonNode receipt;
        try {
            receipt = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            throw UserFacingException.badRequest("error.badRequest");
        }
        String id = text(receipt, "id");
        String status = text(receipt, "status");
        boolean delivered;
        if ("DELIVERED".equalsIgnoreCase(status)) {
            delivered = true;
        } else if ("FAILED".equalsIgnoreCase(status) || "UNDELIVERED".equalsIgnoreCase(status)) {
            delivered = false;
        } else {
            throw UserFacingException.badRequest("notification.receipt.badStatus", String.valueOf(status));
        }
        log.smsReceipt(id, delivered, instant(text(receipt, "at")), text(receipt, "error"));
        return new Recorded(id, delivered ? "DELIVERED" : "UNDELIVERED");
    }

    private static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw UserFacingException.badRequest("notification.receipt.badTime", at);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isString() || value.isNumber() ? value.asString() : null;
    }
}
