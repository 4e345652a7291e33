package dev.assistants4j.client;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Too many requests or tokens, or the quota is used up (HTTP 429).
 */
public class RateLimitException extends AssistantsApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception for an error response.
	 * @param statusCode the HTTP status code
	 * @param headers the response headers
	 * @param error the parsed {@code error} object, if the body held one
	 * @param rawBody the response body as text, empty when there was none
	 */
	public RateLimitException(int statusCode, HttpHeaders headers, @Nullable ApiError error, String rawBody) {
		super(statusCode, headers, error, rawBody);
	}

}
