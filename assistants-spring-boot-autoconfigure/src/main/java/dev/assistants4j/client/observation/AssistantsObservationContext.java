package dev.assistants4j.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observed client operation knows: its name (such as {@code runs.createStream}), HTTP method, URI
 * template (never the ids it was expanded with), the status of its last response and how many times it was
 * sent again.
 */
public class AssistantsObservationContext extends Observation.Context {

	private final String operation;

	private final String method;

	private final String uriTemplate;

	private @Nullable Integer status;

	private int retries;

	private boolean cancelled;

	/**
	 * Creates the context of one operation.
	 * @param operation the operation's name, such as {@code assistants.retrieve}
	 * @param method the HTTP method
	 * @param uriTemplate the URI template relative to the base URL, such as {@code /assistants/{assistant_id}}
	 */
	public AssistantsObservationContext(String operation, String method, String uriTemplate) {
		this.operation = operation;
		this.method = method;
		this.uriTemplate = uriTemplate;
	}

	/**
	 * Returns the operation's name, such as {@code assistants.retrieve}.
	 * @return the operation's name
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Returns the HTTP method.
	 * @return the HTTP method
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Returns the URI template, relative to the base URL.
	 * @return the URI template
	 */
	public String getUriTemplate() {
		return this.uriTemplate;
	}

	/**
	 * Returns the status of the last response, or {@code null} when none arrived.
	 * @return the status code, if any
	 */
	public @Nullable Integer getStatus() {
		return this.status;
	}

	/**
	 * Records the status of a response.
	 * @param status the status code
	 */
	public void setStatus(int status) {
		this.status = status;
	}

	/**
	 * Returns how many times the request was sent again after a retryable failure.
	 * @return the number of retries
	 */
	public int getRetries() {
		return this.retries;
	}

	/**
	 * Records one more retry.
	 */
	public void retried() {
		this.retries++;
	}

	/**
	 * Tells whether the subscriber cancelled the operation before it ended.
	 * @return whether it was cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Records that the subscriber cancelled the operation.
	 */
	public void cancelled() {
		this.cancelled = true;
	}

}
