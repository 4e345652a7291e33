package dev.assistants4j.model.run;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * Why a run or a run step failed: an open enumeration.
 */
public final class RunErrorCode extends OpenEnum {

	/** The server failed. */
	public static final RunErrorCode SERVER_ERROR = new RunErrorCode("server_error");

	/**
	 * The run hit a rate limit while it ran. Unlike an HTTP 429, the request that started the run succeeded;
	 * the run itself failed and a new run is needed.
	 */
	public static final RunErrorCode RATE_LIMIT_EXCEEDED = new RunErrorCode("rate_limit_exceeded");

	/** The prompt was rejected, for example by a content filter. */
	public static final RunErrorCode INVALID_PROMPT = new RunErrorCode("invalid_prompt");

	private RunErrorCode(String value) {
		super(value);
	}

	/**
	 * Returns the code for a wire value, known or not.
	 * @param value the wire value
	 * @return the error code
	 */
	@JsonCreator
	public static RunErrorCode of(String value) {
		return new RunErrorCode(value);
	}

}
