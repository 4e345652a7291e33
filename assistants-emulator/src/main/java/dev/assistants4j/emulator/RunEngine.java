package dev.assistants4j.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.assistants4j.emulator.responder.Reply;
import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.message.MessageDelta;
import dev.assistants4j.model.message.MessageIncompleteReason;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.RequiredToolCall;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunError;
import dev.assistants4j.model.run.RunErrorCode;
import dev.assistants4j.model.run.RunIncompleteReason;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.RunUsage;
import dev.assistants4j.model.run.ToolChoice;
import dev.assistants4j.model.run.ToolOutput;
import dev.assistants4j.model.run.TruncationStrategy;
import dev.assistants4j.model.runstep.FunctionToolCall;
import dev.assistants4j.model.runstep.RunStepDelta;
import dev.assistants4j.model.runstep.StepDetailsDelta;
import dev.assistants4j.model.runstep.ToolCall;
import dev.assistants4j.model.runstep.ToolCallDelta;
import dev.assistants4j.stream.SseEvent;

/**
 * Carries runs through the service's lifecycle: {@code queued}, {@code in_progress}, then the responder's
 * answer — a message written chunk by chunk and {@code completed}, or function calls and
 * {@code requires_action} until outputs are submitted, or {@code failed} — or {@code cancelling} and
 * {@code cancelled}, {@code expired} when outputs come too late, {@code incomplete} past a token limit.
 *
 * <p>Each move is scheduled on the emulator's scheduler ({@code Mono.delay}), never by a sleeping thread,
 * and made under the thread's lock, after checking that the run is still where the move expects it: a move
 * that lost a race with a cancellation does nothing. Each move emits the service's stream events, in its
 * order, to the run's current stream segment, when a streaming request opened one: a segment ends when the
 * run requires action or ends, and a submission of tool outputs opens the next.
 */
final class RunEngine {

	private static final Log logger = LogFactory.getLog(RunEngine.class);

	private static final String CALL_PREFIX = "call_";

	private static final int CHARACTERS_PER_TOKEN = 4;

	private final EmulatorSettings settings;

	private final WireJson json;

	RunEngine(EmulatorSettings settings, WireJson json) {
		this.settings = settings;
		this.json = json;
	}

	// Called by the endpoints, under the thread's lock.

	/**
	 * Creates a queued run on a thread that has no active run, adding the request's additional messages
	 * first, and starts it.
	 * @param announceThread whether the stream starts with {@code thread.created}, as for createThreadAndRun
	 */
	Started create(ThreadState thread, Assistant assistant, CreateRunRequest request, boolean stream,
			boolean announceThread) {
		long now = this.settings.now();
		if (request.additionalMessages() != null) {
			request.additionalMessages()
				.forEach((message) -> add(thread, MessageState.written(thread.id(), message, now)));
		}
		String id = Ids.next(RunState.PREFIX);
		long expiresAt = now + this.settings.runTimeout().toSeconds();
		RunState run = new RunState(id, thread.id(), assistant, template(id, thread.id(), now, assistant, request),
				expiresAt);
		Flux<SseEvent> events = stream ? open(run) : null;
		if (announceThread) {
			emit(run, "thread.created", thread.toWire());
		}
		thread.runs.add(id, run);
		emit(run, "thread.run.created", run.toWire());
		emit(run, "thread.run.queued", run.toWire());
		run.timer.update(Mono.delay(this.settings.runTimeout(), this.settings.scheduler())
			.subscribe((tick) -> expire(thread, run)));
		proceed(thread, run);
		return new Started(run.toWire(), events);
	}

	/**
	 * Completes the run's pending tool calls with the outputs and queues it again.
	 * @throws WireError if the run does not require action, or the outputs are not one for each pending call
	 */
	Started submit(ThreadState thread, RunState run, List<ToolOutput> outputs, boolean stream) {
		if (!RunStatus.REQUIRES_ACTION.equals(run.status)) {
			throw WireError.invalid("Runs in status \"" + run.status + "\" do not accept tool outputs.");
		}
		List<String> expected = run.pendingCalls().stream().map(RequiredToolCall::id).toList();
		List<String> given = outputs.stream().map(ToolOutput::toolCallId).toList();
		if (given.size() != expected.size() || !new HashSet<>(given).equals(new HashSet<>(expected))) {
			throw WireError.invalid("Expected tool outputs for call_ids " + quoted(expected) + ", got "
					+ quoted(given), "tool_outputs", null);
		}
		long now = this.settings.now();
		Map<String, String> outputById = new LinkedHashMap<>();
		outputs.forEach((output) -> outputById.put(output.toolCallId(), output.output()));
		List<ToolCall> answered = new ArrayList<>();
		for (RequiredToolCall call : run.pendingCalls()) {
			RequiredToolCall.Function function = call.function();
			String name = (function != null && function.name() != null) ? function.name() : "";
			String arguments = (function != null && function.arguments() != null) ? function.arguments() : "";
			String output = outputById.get(call.id());
			answered.add(new FunctionToolCall(call.id(), new FunctionToolCall.Function(name, arguments, output)));
			run.outputs.add(new RunContext.FunctionOutput(call.id(), name, arguments, output));
		}
		Flux<SseEvent> events = stream ? open(run) : null;
		RunStepState step = run.step;
		if (step != null) {
			step.toolCalls(answered);
			step.complete(now, usage(run));
			emit(run, "thread.run.step.completed", step.toWire());
		}
		run.requiredAction = null;
		run.status = RunStatus.QUEUED;
		emit(run, "thread.run.queued", run.toWire());
		proceed(thread, run);
		return new Started(run.toWire(), events);
	}

	/**
	 * Starts cancelling a run, which is {@code cancelled} once a step delay has passed.
	 * @throws WireError if the run has ended or is already cancelling
	 */
	Run cancel(ThreadState thread, RunState run) {
		if (!run.isActive() || RunStatus.CANCELLING.equals(run.status)) {
			throw WireError.invalid("Cannot cancel run with status '" + run.status + "'.");
		}
		run.work.dispose();
		run.status = RunStatus.CANCELLING;
		emit(run, "thread.run.cancelling", run.toWire());
		// Replacing the expiry timer: a run being cancelled no longer expires.
		run.timer.update(Mono.delay(this.settings.stepDelay(), this.settings.scheduler())
			.subscribe((tick) -> cancelled(thread, run)));
		return run.toWire();
	}

	// The lifecycle's moves, on the scheduler.

	private void proceed(ThreadState thread, RunState run) {
		run.work.add(Mono.delay(this.settings.stepDelay(), this.settings.scheduler())
			.subscribe((tick) -> start(thread, run)));
	}

	private void start(ThreadState thread, RunState run) {
		RunContext context;
		synchronized (thread) {
			if (!RunStatus.QUEUED.equals(run.status)) {
				return;
			}
			run.status = RunStatus.IN_PROGRESS;
			run.startedAt = this.settings.now();
			emit(run, "thread.run.in_progress", run.toWire());
			List<Message> messages = visibleMessages(thread, run);
			run.promptTokens = promptTokens(run, messages);
			Integer maxPromptTokens = run.maxPromptTokens();
			if (maxPromptTokens != null && run.promptTokens > maxPromptTokens) {
				incomplete(run, RunIncompleteReason.MAX_PROMPT_TOKENS);
				return;
			}
			context = new RunContext(run.toWire(), run.assistant(), messages, run.outputs);
		}
		Mono<Reply> reply = Mono.defer(() -> this.settings.responder().respond(context))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The responder answered nothing")));
		run.work.add(reply.subscribe((answer) -> answer(thread, run, answer),
				(ex) -> responderFailed(thread, run, ex)));
	}

	private void answer(ThreadState thread, RunState run, Reply reply) {
		if (reply instanceof Reply.Text text) {
			write(thread, run, text.chunks());
		}
		else if (reply instanceof Reply.FunctionCalls calls) {
			requireAction(thread, run, calls.calls());
		}
		else if (reply instanceof Reply.Failure failure) {
			synchronized (thread) {
				fail(run, new RunError(failure.code(), failure.message()));
			}
		}
	}

	private void write(ThreadState thread, RunState run, Flux<String> chunks) {
		synchronized (thread) {
			if (!RunStatus.IN_PROGRESS.equals(run.status)) {
				return;
			}
			long now = this.settings.now();
			MessageState message = MessageState.answer(thread.id(), run.assistantId(), run.id(), now);
			RunStepState step = RunStepState.messageCreation(run, message.id(), now);
			run.steps.add(step.id(), step);
			run.step = step;
			run.message = message;
			emit(run, "thread.run.step.created", step.toWire());
			emit(run, "thread.run.step.in_progress", step.toWire());
			add(thread, message);
			emit(run, "thread.message.created", message.toWire());
			emit(run, "thread.message.in_progress", message.toWire());
		}
		Integer max = run.maxCompletionTokens();
		// One chunk past the limit is enough to know that the answer does not fit.
		Flux<String> limited = (max != null) ? chunks.take(max + 1L) : chunks;
		run.work.add(limited.filter((chunk) -> !chunk.isEmpty())
			.concatMap((chunk) -> Mono.delay(this.settings.chunkDelay(), this.settings.scheduler()).thenReturn(chunk))
			.subscribe((chunk) -> delta(thread, run, chunk), (ex) -> responderFailed(thread, run, ex),
					() -> complete(thread, run)));
	}

	private void delta(ThreadState thread, RunState run, String chunk) {
		synchronized (thread) {
			MessageState message = run.message;
			if (!RunStatus.IN_PROGRESS.equals(run.status) || message == null) {
				return;
			}
			Integer max = run.maxCompletionTokens();
			if (max != null && run.completionTokens >= max) {
				incomplete(run, RunIncompleteReason.MAX_COMPLETION_TOKENS);
				return;
			}
			message.append(chunk);
			run.completionTokens++;
			MessageContentDelta.Text text = new MessageContentDelta.Text(0,
					new MessageContentDelta.TextDelta(chunk, List.of()));
			emitDelta(run, "thread.message.delta",
					new MessageDelta(message.id(), "thread.message.delta", new MessageDelta.Delta(null, List.of(text))));
		}
	}

	private void complete(ThreadState thread, RunState run) {
		synchronized (thread) {
			MessageState message = run.message;
			RunStepState step = run.step;
			if (!RunStatus.IN_PROGRESS.equals(run.status) || message == null || step == null) {
				return;
			}
			long now = this.settings.now();
			message.complete(now);
			emit(run, "thread.message.completed", message.toWire());
			step.complete(now, usage(run));
			emit(run, "thread.run.step.completed", step.toWire());
			run.status = RunStatus.COMPLETED;
			run.completedAt = now;
			run.expiresAt = null;
			run.usage = usage(run);
			emit(run, "thread.run.completed", run.toWire());
			end(run);
		}
	}

	private void requireAction(ThreadState thread, RunState run, List<Reply.FunctionCall> calls) {
		synchronized (thread) {
			if (!RunStatus.IN_PROGRESS.equals(run.status)) {
				return;
			}
			RunStepState step = RunStepState.toolCalls(run, this.settings.now());
			run.steps.add(step.id(), step);
			run.step = step;
			run.message = null;
			emit(run, "thread.run.step.created", step.toWire());
			emit(run, "thread.run.step.in_progress", step.toWire());
			List<ToolCall> toolCalls = new ArrayList<>();
			List<RequiredToolCall> required = new ArrayList<>();
			for (int index = 0; index < calls.size(); index++) {
				Reply.FunctionCall call = calls.get(index);
				String id = Ids.next(CALL_PREFIX);
				// As the service streams a call: its id and name first, then its arguments.
				emitDelta(run, "thread.run.step.delta", toolCallDelta(step, index, id,
						new FunctionToolCall.Function(call.name(), "", null)));
				emitDelta(run, "thread.run.step.delta", toolCallDelta(step, index, null,
						new FunctionToolCall.Function(null, call.arguments(), null)));
				toolCalls.add(new FunctionToolCall(id, new FunctionToolCall.Function(call.name(), call.arguments(), null)));
				required.add(new RequiredToolCall(id, FunctionToolCall.TYPE,
						new RequiredToolCall.Function(call.name(), call.arguments())));
				run.completionTokens += tokens(call.name()) + tokens(call.arguments());
			}
			step.toolCalls(toolCalls);
			run.status = RunStatus.REQUIRES_ACTION;
			run.requiredAction = new Run.RequiredAction("submit_tool_outputs", new Run.SubmitToolOutputs(required));
			emit(run, "thread.run.requires_action", run.toWire());
			// The stream of this segment ends here; the run waits, and may still expire.
			endSegment(run);
		}
	}

	private static RunStepDelta toolCallDelta(RunStepState step, int index, @Nullable String id,
			FunctionToolCall.Function function) {
		return new RunStepDelta(step.id(), "thread.run.step.delta", new RunStepDelta.Delta(
				new StepDetailsDelta.ToolCalls(List.of(new ToolCallDelta.Function(index, id, function)))));
	}

	private void responderFailed(ThreadState thread, RunState run, Throwable ex) {
		logger.warn("The emulator's responder failed run " + run.id() + "; the run fails with server_error", ex);
		synchronized (thread) {
			fail(run, new RunError(RunErrorCode.SERVER_ERROR, "The server had an error while processing your "
					+ "request. Sorry about that!"));
		}
	}

	private void cancelled(ThreadState thread, RunState run) {
		synchronized (thread) {
			if (RunStatus.CANCELLING.equals(run.status)) {
				long now = this.settings.now();
				run.cancelledAt = now;
				stop(run, RunStatus.CANCELLED, MessageIncompleteReason.RUN_CANCELLED, RunStepState::cancel, now);
			}
		}
	}

	private void expire(ThreadState thread, RunState run) {
		synchronized (thread) {
			if (run.isActive()) {
				stop(run, RunStatus.EXPIRED, MessageIncompleteReason.RUN_EXPIRED, RunStepState::expire,
						this.settings.now());
			}
		}
	}

	/**
	 * Fails a run in progress with an error inside the run: the HTTP exchanges all succeeded.
	 */
	private void fail(RunState run, RunError error) {
		if (RunStatus.IN_PROGRESS.equals(run.status)) {
			long now = this.settings.now();
			run.failedAt = now;
			run.expiresAt = null;
			run.lastError = error;
			stop(run, RunStatus.FAILED, MessageIncompleteReason.RUN_FAILED, (step, at) -> step.fail(error, at), now);
		}
	}

	private void incomplete(RunState run, RunIncompleteReason reason) {
		run.incompleteReason = reason;
		run.expiresAt = null;
		stop(run, RunStatus.INCOMPLETE, MessageIncompleteReason.MAX_TOKENS,
				(step, at) -> step.complete(at, usage(run)), this.settings.now());
	}

	/**
	 * Ends a run short of completing it: the message under way becomes incomplete, the step under way ends as
	 * {@code endStep} says, and the run takes its final status, each with its event.
	 */
	private void stop(RunState run, RunStatus status, MessageIncompleteReason reason,
			ObjLongConsumer<RunStepState> endStep, long now) {
		MessageState message = run.message;
		if (message != null && message.isInProgress()) {
			message.incomplete(reason, now);
			emit(run, "thread.message.incomplete", message.toWire());
		}
		RunStepState step = run.step;
		if (step != null && step.isInProgress()) {
			endStep.accept(step, now);
			emit(run, "thread.run.step." + step.status().value(), step.toWire());
		}
		run.status = status;
		run.requiredAction = null;
		run.usage = usage(run);
		emit(run, "thread.run." + status.value(), run.toWire());
		end(run);
	}

	private void end(RunState run) {
		run.work.dispose();
		run.timer.dispose();
		endSegment(run);
	}

	// Streams.

	private Flux<SseEvent> open(RunState run) {
		Sinks.Many<SseEvent> events = Sinks.many().replay().all();
		run.stream = events;
		return events.asFlux();
	}

	private void emit(RunState run, String event, Object data) {
		Sinks.Many<SseEvent> events = run.stream;
		if (events != null) {
			events.tryEmitNext(new SseEvent(event, this.json.writeEvent(data, false)));
		}
	}

	private void emitDelta(RunState run, String event, Object delta) {
		Sinks.Many<SseEvent> events = run.stream;
		if (events != null) {
			events.tryEmitNext(new SseEvent(event, this.json.writeEvent(delta, true)));
		}
	}

	private static void endSegment(RunState run) {
		Sinks.Many<SseEvent> events = run.stream;
		if (events != null) {
			events.tryEmitComplete();
			run.stream = null;
		}
	}

	// What a run is made of.

	private static void add(ThreadState thread, MessageState message) {
		thread.messages.add(message.id(), message);
	}

	private Run template(String id, String threadId, long now, Assistant assistant, CreateRunRequest request) {
		String instructions = either(request.instructions(), assistant.instructions());
		if (request.additionalInstructions() != null) {
			instructions = (instructions != null) ? instructions + "\n\n" + request.additionalInstructions()
					: request.additionalInstructions();
		}
		return new Run(id, "thread.run", now, threadId, assistant.id(), RunStatus.QUEUED, null, null, null, null,
				null, null, null, null, either(request.model(), assistant.model()), instructions,
				(request.tools() != null) ? request.tools() : assistant.tools(), request.metadata(), null,
				either(request.temperature(), either(assistant.temperature(), 1.0)),
				either(request.topP(), either(assistant.topP(), 1.0)), request.maxPromptTokens(),
				request.maxCompletionTokens(), either(request.truncationStrategy(), TruncationStrategy.auto()),
				either(request.toolChoice(), ToolChoice.auto()), either(request.parallelToolCalls(), true),
				either(request.responseFormat(), either(assistant.responseFormat(), ResponseFormat.auto())),
				either(request.reasoningEffort(), assistant.reasoningEffort()));
	}

	private static <T> T either(@Nullable T value, T otherwise) {
		return (value != null) ? value : otherwise;
	}

	/**
	 * Returns the messages the run reads: the thread's, oldest first, cut as its truncation strategy says.
	 */
	private static List<Message> visibleMessages(ThreadState thread, RunState run) {
		List<Message> messages = thread.messages.values().stream().map(MessageState::toWire).toList();
		if (run.template().truncationStrategy() instanceof TruncationStrategy.LastMessages last
				&& last.lastMessages() != null && last.lastMessages() < messages.size()) {
			return messages.subList(messages.size() - last.lastMessages(), messages.size());
		}
		return messages;
	}

	/**
	 * Estimates a prompt's tokens, at four characters a token: the emulator has no tokenizer, and a client
	 * needs plausible numbers, not exact ones.
	 */
	private static int promptTokens(RunState run, List<Message> messages) {
		String instructions = run.template().instructions();
		int tokens = (instructions != null) ? tokens(instructions) : 0;
		for (Message message : messages) {
			tokens += tokens(RunContext.textOf(message));
		}
		for (RunContext.FunctionOutput output : run.outputs) {
			tokens += tokens(output.output());
		}
		return tokens;
	}

	private static int tokens(String text) {
		return (text.length() + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
	}

	private static RunUsage usage(RunState run) {
		return new RunUsage(run.completionTokens, run.promptTokens, run.completionTokens + run.promptTokens, null,
				null);
	}

	private static String quoted(List<String> ids) {
		return ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * A run as a request created or resumed it, and the events of its stream when the request streams.
	 */
	record Started(Run run, @Nullable Flux<SseEvent> events) {
	}

}
