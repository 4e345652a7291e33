package dev.assistants4j.model.run;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * The output of one tool call a run waits for.
 *
 * @param toolCallId the id of the {@link RequiredToolCall} this output answers
 * @param output the output, usually the function's result as text or JSON; may be empty
 */
public record ToolOutput(@JsonProperty("tool_call_id") String toolCallId, String output) {

	/**
	 * Validates the output.
	 * @throws IllegalArgumentException if {@code toolCallId} is blank or {@code output} is {@code null}
	 */
	public ToolOutput {
		Assert.hasText(toolCallId, "'toolCallId' must not be blank");
		Assert.notNull(output, "'output' must not be null");
	}

	/**
	 * The output of a tool call.
	 * @param toolCallId the id of the call
	 * @param output the output
	 * @return the tool output
	 */
	public static ToolOutput of(String toolCallId, String output) {
		return new ToolOutput(toolCallId, output);
	}

}
