package dev.assistants4j.model.runstep;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.run.RunError;
import dev.assistants4j.model.run.RunTimestamps;
import dev.assistants4j.model.run.RunUsage;

/**
 * A step of a run: a message the assistant created, or the tool calls it made.
 *
 * @param id the step's id, {@code step_...}
 * @param object always {@code thread.run.step}
 * @param createdAt creation time in epoch seconds
 * @param assistantId id of the assistant that ran
 * @param threadId id of the thread the run works on
 * @param runId id of the run the step is part of
 * @param type whether the step created a message or called tools
 * @param status where the step is in its lifecycle
 * @param stepDetails the message the step created or the tool calls it made
 * @param lastError why the step failed, on a failed step
 * @param expiredAt time in epoch seconds when the step expired
 * @param cancelledAt time in epoch seconds when the step was cancelled
 * @param failedAt time in epoch seconds when the step failed
 * @param completedAt time in epoch seconds when the step completed
 * @param metadata key-value pairs, never {@code null}
 * @param usage tokens used, once the step has ended
 */
public record RunStep(@Nullable String id, @Nullable String object,
		@JsonProperty("created_at") @Nullable Long createdAt,
		@JsonProperty("assistant_id") @Nullable String assistantId,
		@JsonProperty("thread_id") @Nullable String threadId,
		@JsonProperty("run_id") @Nullable String runId,
		@Nullable RunStepType type,
		@Nullable RunStepStatus status,
		@JsonProperty("step_details") @Nullable StepDetails stepDetails,
		@JsonProperty("last_error") @Nullable RunError lastError,
		@JsonProperty("expired_at") @Nullable Long expiredAt,
		@JsonProperty("cancelled_at") @Nullable Long cancelledAt,
		@JsonProperty("failed_at") @Nullable Long failedAt,
		@JsonProperty("completed_at") @Nullable Long completedAt,
		Map<String, String> metadata,
		@Nullable RunUsage usage) implements RunTimestamps {

	/**
	 * Normalizes absent metadata to an empty map.
	 */
	public RunStep {
		metadata = (metadata != null) ? metadata : Map.of();
	}

	/**
	 * Returns the time the step expired.
	 * @return that time, or {@code null} if the step did not expire
	 */
	public @Nullable Instant expiredAtInstant() {
		return (this.expiredAt != null) ? Instant.ofEpochSecond(this.expiredAt) : null;
	}

}
