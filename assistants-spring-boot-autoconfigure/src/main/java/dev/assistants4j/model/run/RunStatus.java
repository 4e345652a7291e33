package dev.assistants4j.model.run;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * The status of a run: an open enumeration. A run moves from {@link #QUEUED} through {@link #IN_PROGRESS} to
 * one of the terminal statuses, possibly pausing in {@link #REQUIRES_ACTION} until tool outputs are submitted.
 */
public final class RunStatus extends OpenEnum {

	/** The run waits for the server to start it. */
	public static final RunStatus QUEUED = new RunStatus("queued");

	/** The run is working. */
	public static final RunStatus IN_PROGRESS = new RunStatus("in_progress");

	/** The run waits for the outputs of the tool calls in its {@code required_action}. */
	public static final RunStatus REQUIRES_ACTION = new RunStatus("requires_action");

	/** The run is being cancelled. */
	public static final RunStatus CANCELLING = new RunStatus("cancelling");

	/** The run was cancelled. */
	public static final RunStatus CANCELLED = new RunStatus("cancelled");

	/** The run failed; see its {@code last_error}. */
	public static final RunStatus FAILED = new RunStatus("failed");

	/** The run completed. */
	public static final RunStatus COMPLETED = new RunStatus("completed");

	/** The run ended at a token limit; see its {@code incomplete_details}. */
	public static final RunStatus INCOMPLETE = new RunStatus("incomplete");

	/** The run expired, for example because tool outputs were not submitted in time. */
	public static final RunStatus EXPIRED = new RunStatus("expired");

	private static final Set<RunStatus> ACTIVE = Set.of(QUEUED, IN_PROGRESS, CANCELLING);

	private static final Set<RunStatus> TERMINAL = Set.of(CANCELLED, FAILED, COMPLETED, INCOMPLETE, EXPIRED);

	private RunStatus(String value) {
		super(value);
	}

	/**
	 * Returns the status for a wire value, known or not.
	 * @param value the wire value
	 * @return the status
	 */
	@JsonCreator
	public static RunStatus of(String value) {
		return new RunStatus(value);
	}

	/**
	 * Whether the server is still working on the run, so that it may change without the caller doing anything:
	 * queued, in progress or cancelling.
	 * @return {@code true} for an active status
	 */
	public boolean isActive() {
		return ACTIVE.contains(this);
	}

	/**
	 * Whether the run has ended and will not change any more: cancelled, failed, completed, incomplete or
	 * expired.
	 * @return {@code true} for a terminal status
	 */
	public boolean isTerminal() {
		return TERMINAL.contains(this);
	}

	/**
	 * Whether the run waits for the caller to submit tool outputs.
	 * @return {@code true} for {@link #REQUIRES_ACTION}
	 */
	public boolean requiresAction() {
		return REQUIRES_ACTION.equals(this);
	}

}
