package dev.assistants4j.model.run;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * Request to submit the outputs of the tool calls a run in {@code requires_action} waits for. Submit the
 * outputs of all its calls in one request: the run goes on only once it has every one.
 *
 * @param toolOutputs the outputs, at least one
 */
public record SubmitToolOutputsRequest(@JsonProperty("tool_outputs") List<ToolOutput> toolOutputs) {

	/**
	 * Validates the outputs.
	 * @throws IllegalArgumentException if {@code toolOutputs} is empty or holds {@code null}
	 */
	public SubmitToolOutputsRequest {
		Assert.notEmpty(toolOutputs, "'toolOutputs' must not be empty");
		Assert.noNullElements(toolOutputs, "'toolOutputs' must not contain null elements");
		toolOutputs = List.copyOf(toolOutputs);
	}

	/**
	 * A request with the given outputs.
	 * @param toolOutputs the outputs, at least one
	 * @return the request
	 */
	public static SubmitToolOutputsRequest of(List<ToolOutput> toolOutputs) {
		return new SubmitToolOutputsRequest(toolOutputs);
	}

	/**
	 * A request with the output of a single tool call.
	 * @param toolCallId the id of the call
	 * @param output the output
	 * @return the request
	 */
	public static SubmitToolOutputsRequest of(String toolCallId, String output) {
		return new SubmitToolOutputsRequest(List.of(ToolOutput.of(toolCallId, output)));
	}

	/**
	 * Starts an empty request; add at least one output.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link SubmitToolOutputsRequest}.
	 */
	public static final class Builder {

		private final List<ToolOutput> toolOutputs = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Adds the output of a tool call.
		 * @param toolCallId the id of the call
		 * @param output the output
		 * @return this builder
		 */
		public Builder addToolOutput(String toolCallId, String output) {
			return addToolOutput(ToolOutput.of(toolCallId, output));
		}

		/**
		 * Adds the output of a tool call.
		 * @param toolOutput the output
		 * @return this builder
		 */
		public Builder addToolOutput(ToolOutput toolOutput) {
			Assert.notNull(toolOutput, "'toolOutput' must not be null");
			this.toolOutputs.add(toolOutput);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if no output was added
		 */
		public SubmitToolOutputsRequest build() {
			return new SubmitToolOutputsRequest(this.toolOutputs);
		}

	}

}
