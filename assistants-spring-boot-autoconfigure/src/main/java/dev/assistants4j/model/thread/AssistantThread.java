package dev.assistants4j.model.thread;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.tool.ToolResources;

/**
 * A thread: a conversation between a user and assistants, holding messages.
 *
 * @param id the thread's id, {@code thread_...}
 * @param object always {@code thread}
 * @param createdAt creation time in epoch seconds
 * @param toolResources resources of the tools in this thread
 * @param metadata key-value pairs, never {@code null}
 */
public record AssistantThread(@Nullable String id, @Nullable String object,
		@JsonProperty("created_at") @Nullable Long createdAt,
		@JsonProperty("tool_resources") @Nullable ToolResources toolResources, Map<String, String> metadata) {

	/**
	 * Normalizes absent metadata to an empty map.
	 */
	public AssistantThread {
		metadata = (metadata != null) ? metadata : Map.of();
	}

	/**
	 * Returns the creation time.
	 * @return the creation time, or {@code null} if the server did not send it
	 */
	public @Nullable Instant createdAtInstant() {
		return (this.createdAt != null) ? Instant.ofEpochSecond(this.createdAt) : null;
	}

}
