package dev.assistants4j.emulator;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A refusal that the emulator answers with the OpenAI error envelope,
 * {@code {"error":{"message","type","param","code"}}}, and the status the real service uses. Its messages
 * follow the real service's wording, so that a client's handling of them can be tested.
 */
final class WireError extends RuntimeException {

	static final String INVALID_REQUEST = "invalid_request_error";

	private final HttpStatus status;

	private final String type;

	private final @Nullable String param;

	private final @Nullable String code;

	WireError(HttpStatus status, String type, String message, @Nullable String param, @Nullable String code) {
		// A refusal is an answer, not a fault: no stack trace to fill in.
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.param = param;
		this.code = code;
	}

	static WireError invalid(String message) {
		return invalid(message, null, null);
	}

	static WireError invalid(String message, @Nullable String param, @Nullable String code) {
		return new WireError(HttpStatus.BAD_REQUEST, INVALID_REQUEST, message, param, code);
	}

	static WireError notFound(String kind, String id) {
		return new WireError(HttpStatus.NOT_FOUND, INVALID_REQUEST, "No " + kind + " found with id '" + id + "'.",
				null, null);
	}

	static WireError noSuchFile(String id) {
		return new WireError(HttpStatus.NOT_FOUND, INVALID_REQUEST, "No such File object: " + id, "id", null);
	}

	static WireError missingParameter(String name) {
		return invalid("Missing required parameter: '" + name + "'.", name, "missing_required_parameter");
	}

	static WireError unrecognized(String name) {
		return invalid("Unrecognized request argument supplied: " + name, null, null);
	}

	static WireError invalidValue(String param, @Nullable Object value, List<String> supported) {
		String values = supported.stream().map((each) -> "'" + each + "'").collect(Collectors.joining(", "));
		int last = values.lastIndexOf(", ");
		if (last >= 0) {
			values = values.substring(0, last) + " and " + values.substring(last + 2);
		}
		return invalid("Invalid value: '" + value + "'. Supported values are: " + values + ".", param,
				"invalid_value");
	}

	static WireError unauthorized(String message, @Nullable String code) {
		return new WireError(HttpStatus.UNAUTHORIZED, INVALID_REQUEST, message, null, code);
	}

	static WireError invalidUrl(String method, String path) {
		return new WireError(HttpStatus.NOT_FOUND, INVALID_REQUEST, "Invalid URL (" + method + " " + path + ")",
				null, null);
	}

	static WireError serverError() {
		return new WireError(HttpStatus.INTERNAL_SERVER_ERROR, "server_error",
				"The server had an error while processing your request. Sorry about that!", null, null);
	}

	HttpStatus status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

	@Nullable String param() {
		return this.param;
	}

	@Nullable String code() {
		return this.code;
	}

}
