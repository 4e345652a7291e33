package dev.assistants4j.model.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.WireLists;

/**
 * A message within a thread, written by the user or by the assistant.
 *
 * @param id the message's id, {@code msg_...}
 * @param object always {@code thread.message}
 * @param createdAt creation time in epoch seconds
 * @param threadId id of the thread the message belongs to
 * @param status whether the message is in progress, incomplete or completed
 * @param incompleteDetails why the message is incomplete, on an incomplete message
 * @param completedAt completion time in epoch seconds
 * @param incompleteAt time in epoch seconds when the message was marked incomplete
 * @param role who wrote the message
 * @param content the parts of the message, never {@code null}
 * @param assistantId id of the assistant that wrote the message, if one did
 * @param runId id of the run that created the message, if one did
 * @param attachments files attached to the message, never {@code null}
 * @param metadata key-value pairs, never {@code null}
 */
public record Message(@Nullable String id, @Nullable String object,
		@JsonProperty("created_at") @Nullable Long createdAt, @JsonProperty("thread_id") @Nullable String threadId,
		@Nullable MessageStatus status,
		@JsonProperty("incomplete_details") @Nullable IncompleteDetails incompleteDetails,
		@JsonProperty("completed_at") @Nullable Long completedAt,
		@JsonProperty("incomplete_at") @Nullable Long incompleteAt, @Nullable MessageRole role,
		List<MessageContent> content, @JsonProperty("assistant_id") @Nullable String assistantId,
		@JsonProperty("run_id") @Nullable String runId, List<Attachment> attachments, Map<String, String> metadata) {

	/**
	 * Normalizes absent collections to empty ones.
	 */
	public Message {
		content = WireLists.copyOfNonNull(content);
		attachments = WireLists.copyOfNonNull(attachments);
		metadata = (metadata != null) ? metadata : Map.of();
	}

	/**
	 * Returns the creation time.
	 * @return the creation time, or {@code null} if the server did not send it
	 */
	public @Nullable Instant createdAtInstant() {
		return (this.createdAt != null) ? Instant.ofEpochSecond(this.createdAt) : null;
	}

	/**
	 * Returns the completion time.
	 * @return the completion time, or {@code null} if the message is not completed
	 */
	public @Nullable Instant completedAtInstant() {
		return (this.completedAt != null) ? Instant.ofEpochSecond(this.completedAt) : null;
	}

	/**
	 * Returns the time the message was marked incomplete.
	 * @return that time, or {@code null} if the message is not incomplete
	 */
	public @Nullable Instant incompleteAtInstant() {
		return (this.incompleteAt != null) ? Instant.ofEpochSecond(this.incompleteAt) : null;
	}

	/**
	 * Why a message is incomplete.
	 *
	 * @param reason the reason
	 */
	public record IncompleteDetails(@Nullable MessageIncompleteReason reason) {
	}

}
