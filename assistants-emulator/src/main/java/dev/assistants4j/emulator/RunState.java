package dev.assistants4j.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Sinks;

import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.run.RequiredToolCall;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunError;
import dev.assistants4j.model.run.RunIncompleteReason;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.RunUsage;
import dev.assistants4j.stream.SseEvent;

/**
 * A run and its steps. The settings a client reads back (model, instructions, tools, ...) are fixed at
 * creation in a template run; the status and its timestamps change as {@link RunEngine} carries the run
 * through its lifecycle. Guarded by its thread's lock.
 */
final class RunState {

	static final String PREFIX = "run_";

	private final String id;

	private final String threadId;

	private final Assistant assistant;

	private final Run template;

	final Table<RunStepState> steps = new Table<>();

	/** The outputs submitted so far, for the responder. */
	final List<RunContext.FunctionOutput> outputs = new ArrayList<>();

	/** The lifecycle's moves under way: a delay, the responder's answer, the chunks of a text. */
	final Disposable.Composite work = Disposables.composite();

	/** The run's one timer: its expiry, replaced by the end of a cancellation. */
	final Disposable.Swap timer = Disposables.swap();

	/** The events of the current stream segment, when the request that started it asked to stream. */
	Sinks.@Nullable Many<SseEvent> stream;

	/** The step under way, and the message it writes. */
	@Nullable RunStepState step;

	@Nullable MessageState message;

	RunStatus status = RunStatus.QUEUED;

	Run.@Nullable RequiredAction requiredAction;

	@Nullable RunError lastError;

	@Nullable Long expiresAt;

	@Nullable Long startedAt;

	@Nullable Long cancelledAt;

	@Nullable Long failedAt;

	@Nullable Long completedAt;

	@Nullable RunIncompleteReason incompleteReason;

	@Nullable RunUsage usage;

	int promptTokens;

	int completionTokens;

	private Map<String, String> metadata;

	/**
	 * Creates a queued run.
	 * @param template the run's settings as the client reads them back; its id and thread id are this run's
	 */
	RunState(String id, String threadId, Assistant assistant, Run template, long expiresAt) {
		this.id = id;
		this.threadId = threadId;
		this.assistant = assistant;
		this.template = template;
		this.metadata = template.metadata();
		this.expiresAt = expiresAt;
	}

	String id() {
		return this.id;
	}

	String threadId() {
		return this.threadId;
	}

	String assistantId() {
		return (this.assistant.id() != null) ? this.assistant.id() : "";
	}

	/**
	 * Returns the run's settings, as fixed at creation.
	 */
	Run template() {
		return this.template;
	}

	Assistant assistant() {
		return this.assistant;
	}

	@Nullable Integer maxCompletionTokens() {
		return this.template.maxCompletionTokens();
	}

	@Nullable Integer maxPromptTokens() {
		return this.template.maxPromptTokens();
	}

	/**
	 * Tells whether the run still holds its thread: until it ends, no message can be added and no other run
	 * created there.
	 */
	boolean isActive() {
		return !this.status.isTerminal();
	}

	List<RequiredToolCall> pendingCalls() {
		return (this.requiredAction != null && this.requiredAction.submitToolOutputs() != null)
				? this.requiredAction.submitToolOutputs().toolCalls() : List.of();
	}

	void metadata(Map<String, String> metadata) {
		this.metadata = metadata;
	}

	/**
	 * Stops every move of the lifecycle still to come, and ends the stream of events, if any.
	 */
	void halt() {
		this.work.dispose();
		this.timer.dispose();
		Sinks.Many<SseEvent> events = this.stream;
		if (events != null) {
			events.tryEmitComplete();
			this.stream = null;
		}
	}

	Run toWire() {
		Run t = this.template;
		Run.IncompleteDetails incomplete = (this.incompleteReason != null)
				? new Run.IncompleteDetails(this.incompleteReason) : null;
		return new Run(this.id, "thread.run", t.createdAt(), this.threadId, assistantId(), this.status,
				this.requiredAction, this.lastError, this.expiresAt, this.startedAt, this.cancelledAt, this.failedAt,
				this.completedAt, incomplete, t.model(), t.instructions(), t.tools(), this.metadata, this.usage,
				t.temperature(), t.topP(), t.maxPromptTokens(), t.maxCompletionTokens(), t.truncationStrategy(),
				t.toolChoice(), t.parallelToolCalls(), t.responseFormat(), t.reasoningEffort());
	}

}
