package dev.assistants4j.client;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Maps an error response to the exception of its status.
 */
final class ApiExceptions {

	private ApiExceptions() {
	}

	static AssistantsApiException create(int status, HttpHeaders headers, byte[] body, JsonMapper mapper) {
		ApiError error = parseError(ApiTransport.readTree(mapper, body));
		String raw = new String(body, StandardCharsets.UTF_8);
		return switch (status) {
			case 400 -> new BadRequestException(status, headers, error, raw);
			case 401 -> new AuthenticationException(status, headers, error, raw);
			case 403 -> new PermissionDeniedException(status, headers, error, raw);
			case 404 -> new NotFoundException(status, headers, error, raw);
			case 409 -> new ConflictException(status, headers, error, raw);
			case 422 -> new UnprocessableEntityException(status, headers, error, raw);
			case 429 -> new RateLimitException(status, headers, error, raw);
			default -> (status >= 500) ? new InternalServerException(status, headers, error, raw)
					: new AssistantsApiException(status, headers, error, raw);
		};
	}

	/**
	 * Reads {@code {"error": {...}}}, a bare error object, a string {@code error}, or a FastAPI
	 * {@code detail}, as compatible servers send them.
	 */
	static @Nullable ApiError parseError(@Nullable JsonNode root) {
		if (root == null || !root.isObject()) {
			return null;
		}
		if (!root.has("error") && root.has("detail")) {
			// FastAPI-based compatible servers answer {"detail": "..."} or {"detail": [...]}.
			return new ApiError(text(root, "detail"), null, null, null);
		}
		JsonNode error = root.has("error") ? root.get("error") : root;
		if (error.isString()) {
			return new ApiError(error.stringValue(), null, null, null);
		}
		if (!error.isObject()) {
			return null;
		}
		ApiError parsed = new ApiError(text(error, "message"), text(error, "type"), text(error, "param"),
				text(error, "code"));
		boolean empty = parsed.message() == null && parsed.type() == null && parsed.code() == null;
		return empty ? null : parsed;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

}
