package dev.assistants4j.model.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.MetadataBuilder;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.tool.ToolResources;

/**
 * Request to create a thread. Only the values that were set are sent; an empty request sends {@code {}}.
 *
 * @param messages messages to start the thread with
 * @param toolResources resources of the tools in this thread; file search may create its vector store here
 * @param metadata up to 16 key-value pairs
 */
public record CreateThreadRequest(@Nullable List<CreateMessageRequest> messages,
		@JsonProperty("tool_resources") @Nullable ToolResources toolResources,
		@Nullable Map<String, String> metadata) {

	/**
	 * Starts an empty request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link CreateThreadRequest}.
	 */
	public static final class Builder extends MetadataBuilder<Builder> {

		private @Nullable List<CreateMessageRequest> messages;

		private @Nullable ToolResources toolResources;

		private Builder() {
		}

		/**
		 * Sets the messages, replacing any set before.
		 * @param messages messages to start the thread with
		 * @return this builder
		 */
		public Builder messages(List<CreateMessageRequest> messages) {
			Assert.notNull(messages, "'messages' must not be null");
			this.messages = new ArrayList<>(messages);
			return this;
		}

		/**
		 * Adds a message.
		 * @param message a message to start the thread with, such as {@code CreateMessageRequest.user("Hi")}
		 * @return this builder
		 */
		public Builder addMessage(CreateMessageRequest message) {
			Assert.notNull(message, "'message' must not be null");
			if (this.messages == null) {
				this.messages = new ArrayList<>();
			}
			this.messages.add(message);
			return this;
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
		public CreateThreadRequest build() {
			return new CreateThreadRequest((this.messages != null) ? List.copyOf(this.messages) : null,
					this.toolResources, buildMetadata());
		}

	}

}
