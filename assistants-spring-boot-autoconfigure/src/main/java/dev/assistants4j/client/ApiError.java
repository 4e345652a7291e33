package dev.assistants4j.client;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * The {@code error} object of an error response or of a stream's {@code error} event.
 *
 * @param message the human-readable message
 * @param type the error type, such as {@code invalid_request_error}
 * @param param the request parameter the error is about
 * @param code the machine-readable code, such as {@code rate_limit_exceeded}
 */
public record ApiError(@Nullable String message, @Nullable String type, @Nullable String param,
		@Nullable String code) implements Serializable {
}
