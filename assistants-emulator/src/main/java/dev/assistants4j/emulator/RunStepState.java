package dev.assistants4j.emulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.run.RunError;
import dev.assistants4j.model.run.RunUsage;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepStatus;
import dev.assistants4j.model.runstep.RunStepType;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.runstep.ToolCall;

/**
 * A step of a run: writing a message, or calling tools. Guarded by its thread's lock.
 */
final class RunStepState {

	static final String PREFIX = "step_";

	private final String id = Ids.next(PREFIX);

	private final RunState run;

	private final long createdAt;

	private final RunStepType type;

	private StepDetails details;

	private RunStepStatus status = RunStepStatus.IN_PROGRESS;

	private @Nullable RunError lastError;

	private @Nullable Long expiredAt;

	private @Nullable Long cancelledAt;

	private @Nullable Long failedAt;

	private @Nullable Long completedAt;

	private @Nullable RunUsage usage;

	private RunStepState(RunState run, long createdAt, RunStepType type, StepDetails details) {
		this.run = run;
		this.createdAt = createdAt;
		this.type = type;
		this.details = details;
	}

	static RunStepState messageCreation(RunState run, String messageId, long now) {
		return new RunStepState(run, now, RunStepType.MESSAGE_CREATION,
				new StepDetails.MessageCreation(new StepDetails.CreatedMessage(messageId)));
	}

	/**
	 * A step calling tools, created empty as the service does; its calls arrive as deltas.
	 */
	static RunStepState toolCalls(RunState run, long now) {
		return new RunStepState(run, now, RunStepType.TOOL_CALLS, new StepDetails.ToolCalls(List.of()));
	}

	String id() {
		return this.id;
	}

	void toolCalls(List<ToolCall> calls) {
		this.details = new StepDetails.ToolCalls(calls);
	}

	RunStepStatus status() {
		return this.status;
	}

	boolean isInProgress() {
		return RunStepStatus.IN_PROGRESS.equals(this.status);
	}

	void complete(long now, @Nullable RunUsage usage) {
		this.status = RunStepStatus.COMPLETED;
		this.completedAt = now;
		this.usage = usage;
	}

	void fail(RunError error, long now) {
		this.status = RunStepStatus.FAILED;
		this.failedAt = now;
		this.lastError = error;
	}

	void cancel(long now) {
		this.status = RunStepStatus.CANCELLED;
		this.cancelledAt = now;
	}

	void expire(long now) {
		this.status = RunStepStatus.EXPIRED;
		this.expiredAt = now;
	}

	RunStep toWire() {
		return new RunStep(this.id, "thread.run.step", this.createdAt, this.run.assistantId(), this.run.threadId(),
				this.run.id(), this.type, this.status, this.details, this.lastError, this.expiredAt,
				this.cancelledAt, this.failedAt, this.completedAt, Map.of(), this.usage);
	}

}
