package dev.assistants4j.client;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * The server answered with a status other than 2xx. Subclasses name the common statuses; this class itself
 * stands for any other one.
 */
public class AssistantsApiException extends AssistantsException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	// Not serializable; the request id is kept apart so that it survives serialization.
	private final transient @Nullable HttpHeaders headers;

	private final @Nullable String requestId;

	private final @Nullable ApiError error;

	private final String rawBody;

	/**
	 * Creates an exception for an error response.
	 * @param statusCode the HTTP status code
	 * @param headers the response headers
	 * @param error the parsed {@code error} object, if the body held one
	 * @param rawBody the response body as text, empty when there was none
	 */
	public AssistantsApiException(int statusCode, HttpHeaders headers, @Nullable ApiError error, String rawBody) {
		super(describe(statusCode, headers, error), null);
		this.statusCode = statusCode;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.requestId = headers.getFirst(AssistantsHttpHeaders.REQUEST_ID);
		this.error = error;
		this.rawBody = rawBody;
	}

	private static String describe(int statusCode, HttpHeaders headers, @Nullable ApiError error) {
		StringBuilder message = new StringBuilder().append(statusCode);
		if (error != null && error.message() != null) {
			message.append(": ").append(error.message());
		}
		if (error != null && error.code() != null) {
			message.append(" (code ").append(error.code()).append(')');
		}
		String requestId = headers.getFirst(AssistantsHttpHeaders.REQUEST_ID);
		if (requestId != null) {
			message.append(" [request id ").append(requestId).append(']');
		}
		return message.toString();
	}

	/**
	 * Returns the HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * Returns the HTTP status.
	 * @return the status
	 */
	public HttpStatusCode status() {
		return HttpStatusCode.valueOf(this.statusCode);
	}

	/**
	 * Returns the response headers.
	 * @return read-only headers; empty after the exception was serialized and read back
	 */
	public HttpHeaders headers() {
		return (this.headers != null) ? this.headers : HttpHeaders.EMPTY;
	}

	/**
	 * Returns the server's id of the request ({@code x-request-id}), to quote when asking for support.
	 * @return the request id, or {@code null} if the server sent none
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Returns the parsed {@code error} object.
	 * @return the error, or {@code null} if the body held none
	 */
	public @Nullable ApiError error() {
		return this.error;
	}

	/**
	 * Returns the response body as text.
	 * @return the body, empty when there was none
	 */
	public String rawBody() {
		return this.rawBody;
	}

}
