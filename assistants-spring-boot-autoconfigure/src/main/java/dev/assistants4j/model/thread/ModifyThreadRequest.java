package dev.assistants4j.model.thread;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.MetadataBuilder;
import dev.assistants4j.model.tool.ToolResources;

/**
 * Request to modify a thread: only the values that were set are sent, so everything else stays as the server
 * has it. An empty request sends {@code {}} and changes nothing.
 *
 * @param toolResources resources of the tools in this thread, replacing the thread's
 * @param metadata up to 16 key-value pairs, replacing the thread's metadata
 */
public record ModifyThreadRequest(@JsonProperty("tool_resources") @Nullable ToolResources toolResources,
		@Nullable Map<String, String> metadata) {

	/**
	 * Starts an empty request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link ModifyThreadRequest}.
	 */
	public static final class Builder extends MetadataBuilder<Builder> {

		private @Nullable ToolResources toolResources;

		private Builder() {
		}

		/**
		 * Sets {@code tool_resources}.
		 * @param toolResources resources of the tools in this thread
		 * @return this builder
		 */
		public Builder toolResources(ToolResources toolResources) {
			this.toolResources = toolResources;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ModifyThreadRequest build() {
			return new ModifyThreadRequest(this.toolResources, buildMetadata());
		}

	}

}
