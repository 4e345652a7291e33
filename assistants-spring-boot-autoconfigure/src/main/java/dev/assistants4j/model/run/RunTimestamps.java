package dev.assistants4j.model.run;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The times a run or a run step was created and ended, in epoch seconds as the server sends them and as
 * {@link Instant}s.
 */
public interface RunTimestamps {

	/**
	 * Returns the creation time in epoch seconds.
	 * @return the creation time, or {@code null} if the server did not send it
	 */
	@Nullable Long createdAt();

	/**
	 * Returns the time of cancellation in epoch seconds.
	 * @return that time, or {@code null} if not cancelled
	 */
	@Nullable Long cancelledAt();

	/**
	 * Returns the time of failure in epoch seconds.
	 * @return that time, or {@code null} if not failed
	 */
	@Nullable Long failedAt();

	/**
	 * Returns the time of completion in epoch seconds.
	 * @return that time, or {@code null} if not completed
	 */
	@Nullable Long completedAt();

	/**
	 * Returns the creation time.
	 * @return the creation time, or {@code null} if the server did not send it
	 */
	default @Nullable Instant createdAtInstant() {
		return instant(createdAt());
	}

	/**
	 * Returns the time of cancellation.
	 * @return that time, or {@code null} if not cancelled
	 */
	default @Nullable Instant cancelledAtInstant() {
		return instant(cancelledAt());
	}

	/**
	 * Returns the time of failure.
	 * @return that time, or {@code null} if not failed
	 */
	default @Nullable Instant failedAtInstant() {
		return instant(failedAt());
	}

	/**
	 * Returns the time of completion.
	 * @return that time, or {@code null} if not completed
	 */
	default @Nullable Instant completedAtInstant() {
		return instant(completedAt());
	}

	private static @Nullable Instant instant(@Nullable Long epochSeconds) {
		return (epochSeconds != null) ? Instant.ofEpochSecond(epochSeconds) : null;
	}

}
