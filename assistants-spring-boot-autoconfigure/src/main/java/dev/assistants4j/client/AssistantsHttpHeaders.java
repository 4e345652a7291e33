package dev.assistants4j.client;

/**
 * Names of the HTTP headers the Assistants protocol uses beyond standard HTTP.
 */
public final class AssistantsHttpHeaders {

	/** The server's id of a request, on every response. */
	public static final String REQUEST_ID = "x-request-id";

	/** Opt-in to the Assistants API version, {@code assistants=v2}. */
	public static final String BETA = "OpenAI-Beta";

	/** The organization a request is billed to. */
	public static final String ORGANIZATION = "OpenAI-Organization";

	/** The project a request is billed to. */
	public static final String PROJECT = "OpenAI-Project";

	/** Azure-style authentication header carrying the token. */
	public static final String API_KEY = "api-key";

	/** Milliseconds to wait before retrying, preferred over {@code retry-after}. */
	public static final String RETRY_AFTER_MS = "retry-after-ms";

	/** The server's own verdict on whether a request may be retried ({@code true} or {@code false}). */
	public static final String SHOULD_RETRY = "x-should-retry";

	/** Milliseconds to wait before polling a run again. */
	public static final String POLL_AFTER_MS = "openai-poll-after-ms";

	private AssistantsHttpHeaders() {
	}

}
