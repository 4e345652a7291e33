package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.BadRequestException;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.emulator.responder.ScriptedResponder;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageIncompleteReason;
import dev.assistants4j.model.message.MessageStatus;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunErrorCode;
import dev.assistants4j.model.run.RunIncompleteReason;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run lifecycle under virtual time: each move happens when the emulator's scheduler says so, here one
 * second after the previous one, and one chunk of text a second.
 */
class RunLifecycleTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	private static final Duration STEP = Duration.ofSeconds(1);

	private static final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private static final ScriptedResponder responder = new ScriptedResponder();

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension((builder) -> builder.scheduler(time)
		.responder(responder)
		.stepDelay(STEP)
		.chunkDelay(STEP)
		.pollAfter(Duration.ofMillis(250)));

	private final AssistantsClient client = emulator.client();

	@Test
	void movesARunThroughItsLifecycleAsTimePasses() {
		responder.thenReply("Hello there");
		String threadId = Fixtures.thread(this.client, "Tell me something");
		long createdAt = time.now(TimeUnit.SECONDS);
		Run run = this.client.runs().create(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client)).build()).block(TIMEOUT);
		assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
		assertThat(run.createdAt()).isEqualTo(createdAt);
		assertThat(run.expiresAt()).isEqualTo(createdAt + 600);
		assertThat(retrieve(run).status()).isEqualTo(RunStatus.QUEUED);
		time.advanceTimeBy(STEP);
		Run started = retrieve(run);
		assertThat(started.status()).isEqualTo(RunStatus.IN_PROGRESS);
		assertThat(started.startedAt()).isEqualTo(createdAt + 1);
		assertThat(Fixtures.latestMessage(this.client, threadId).status()).isEqualTo(MessageStatus.IN_PROGRESS);
		assertThat(Fixtures.latestMessage(this.client, threadId).content()).isEmpty();
		time.advanceTimeBy(STEP);
		assertThat(RunContext.textOf(Fixtures.latestMessage(this.client, threadId))).isEqualTo("Hello");
		assertThat(retrieve(run).status()).isEqualTo(RunStatus.IN_PROGRESS);
		time.advanceTimeBy(STEP);
		Run completed = retrieve(run);
		assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(completed.completedAt()).isEqualTo(createdAt + 3);
		assertThat(Fixtures.latestMessage(this.client, threadId).status()).isEqualTo(MessageStatus.COMPLETED);
		assertThat(RunContext.textOf(Fixtures.latestMessage(this.client, threadId))).isEqualTo("Hello there");
	}

	@Test
	void asksPollersToWaitWhileTheRunIsNotOver() {
		responder.thenReply("Hi");
		String threadId = Fixtures.thread(this.client, "Tell me something");
		Run run = this.client.runs().create(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client)).build()).block(TIMEOUT);
		String uri = "/threads/" + threadId + "/runs/" + run.id();
		RawExchange queued = RawExchange.of(RawExchange.client(emulator.emulator()).get().uri(uri));
		assertThat(queued.headers().getFirst("openai-poll-after-ms")).isEqualTo("250");
		time.advanceTimeBy(STEP.multipliedBy(2));
		RawExchange completed = RawExchange.of(RawExchange.client(emulator.emulator()).get().uri(uri));
		assertThat(completed.json().get("status").stringValue()).isEqualTo("completed");
		assertThat(completed.headers().containsHeader("openai-poll-after-ms")).isFalse();
	}

	@Test
	void cancelsARunWhileItWrites() {
		responder.thenReply("One two three");
		String threadId = Fixtures.thread(this.client, "Tell me something");
		Run run = this.client.runs().create(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client)).build()).block(TIMEOUT);
		time.advanceTimeBy(STEP.multipliedBy(2));
		StepVerifier.create(this.client.runs().cancel(threadId, run.id()))
			.assertNext((cancelling) -> assertThat(cancelling.status()).isEqualTo(RunStatus.CANCELLING))
			.expectComplete()
			.verify(TIMEOUT);
		time.advanceTimeBy(STEP);
		Run cancelled = retrieve(run);
		assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
		assertThat(cancelled.cancelledAt()).isEqualTo(time.now(TimeUnit.SECONDS));
		Message answer = Fixtures.latestMessage(this.client, threadId);
		assertThat(answer.status()).isEqualTo(MessageStatus.INCOMPLETE);
		assertThat(answer.incompleteDetails().reason()).isEqualTo(MessageIncompleteReason.RUN_CANCELLED);
		assertThat(RunContext.textOf(answer)).isEqualTo("One");
		assertThat(steps(threadId, run)).extracting(RunStep::status).containsExactly(RunStepStatus.CANCELLED);
		StepVerifier.create(this.client.runs().cancel(threadId, run.id()))
			.expectErrorSatisfies((ex) -> assertThat(((BadRequestException) ex).error().message())
				.isEqualTo("Cannot cancel run with status 'cancelled'."))
			.verify(TIMEOUT);
	}

	@Test
	void holdsTheThreadWhileTheRunIsActive() {
		responder.thenCall("get_weather", "{}");
		String threadId = Fixtures.thread(this.client, "Tell me something");
		String assistantId = Fixtures.assistant(this.client);
		Run run = this.client.runs().create(threadId, CreateRunRequest.builder(assistantId).build()).block(TIMEOUT);
		time.advanceTimeBy(STEP);
		assertThat(retrieve(run).status()).isEqualTo(RunStatus.REQUIRES_ACTION);
		StepVerifier.create(this.client.messages().create(threadId, CreateMessageRequest.user("Still there?")))
			.expectErrorSatisfies((ex) -> assertThat(((BadRequestException) ex).error().message())
				.isEqualTo("Can't add messages to " + threadId + " while a run " + run.id() + " is active."))
			.verify(TIMEOUT);
		StepVerifier.create(this.client.runs().create(threadId, CreateRunRequest.builder(assistantId).build()))
			.expectErrorSatisfies((ex) -> assertThat(((BadRequestException) ex).error().message())
				.isEqualTo("Thread " + threadId + " already has an active run " + run.id() + "."))
			.verify(TIMEOUT);
		this.client.runs().cancel(threadId, run.id()).block(TIMEOUT);
		time.advanceTimeBy(STEP);
		StepVerifier.create(this.client.messages().create(threadId, CreateMessageRequest.user("Still there?")))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void expiresARunWhoseOutputsComeTooLate() {
		responder.thenCall("get_weather", "{\"city\":\"Paris\"}");
		String threadId = Fixtures.thread(this.client, "Tell me something");
		Run run = this.client.runs().create(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client)).build()).block(TIMEOUT);
		time.advanceTimeBy(STEP);
		Run waiting = retrieve(run);
		assertThat(waiting.status()).isEqualTo(RunStatus.REQUIRES_ACTION);
		time.advanceTimeBy(Duration.ofMinutes(10));
		Run expired = retrieve(run);
		assertThat(expired.status()).isEqualTo(RunStatus.EXPIRED);
		assertThat(steps(threadId, run)).extracting(RunStep::status).containsExactly(RunStepStatus.EXPIRED);
		String callId = waiting.requiredToolCalls().get(0).id();
		StepVerifier.create(this.client.runs()
				.submitToolOutputs(threadId, run.id(), SubmitToolOutputsRequest.of(callId, "sunny")))
			.expectErrorSatisfies((ex) -> assertThat(((BadRequestException) ex).error().message())
				.isEqualTo("Runs in status \"expired\" do not accept tool outputs."))
			.verify(TIMEOUT);
	}

	@Test
	void failsTheRunInsideItWhileEveryRequestSucceeds() {
		responder.thenFail(RunErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit reached for gpt-4o.");
		String threadId = Fixtures.thread(this.client, "Tell me something");
		Run run = this.client.runs().create(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client)).build()).block(TIMEOUT);
		time.advanceTimeBy(STEP);
		Run failed = retrieve(run);
		assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.failedAt()).isEqualTo(time.now(TimeUnit.SECONDS));
		assertThat(failed.lastError().code()).isEqualTo(RunErrorCode.RATE_LIMIT_EXCEEDED);
		assertThat(failed.lastError().message()).isEqualTo("Rate limit reached for gpt-4o.");
	}

	@Test
	void failsTheRunWithServerErrorWhenTheResponderFails() {
		responder.then((context) -> Mono.error(new IllegalStateException("The model is down")));
		String threadId = Fixtures.thread(this.client, "Tell me something");
		Run run = this.client.runs().create(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client)).build()).block(TIMEOUT);
		time.advanceTimeBy(STEP);
		Run failed = retrieve(run);
		assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.lastError().code()).isEqualTo(RunErrorCode.SERVER_ERROR);
	}

	@Test
	void endsIncompleteAtMaxCompletionTokens() {
		responder.thenReply("one two three four five");
		String threadId = Fixtures.thread(this.client, "Tell me something");
		CreateRunRequest request = CreateRunRequest.builder(Fixtures.assistant(this.client)).maxCompletionTokens(2).build();
		Run run = this.client.runs().create(threadId, request).block(TIMEOUT);
		time.advanceTimeBy(STEP.multipliedBy(4));
		Run incomplete = retrieve(run);
		assertThat(incomplete.status()).isEqualTo(RunStatus.INCOMPLETE);
		assertThat(incomplete.incompleteDetails().reason()).isEqualTo(RunIncompleteReason.MAX_COMPLETION_TOKENS);
		assertThat(incomplete.usage().completionTokens()).isEqualTo(2);
		Message answer = Fixtures.latestMessage(this.client, threadId);
		assertThat(answer.status()).isEqualTo(MessageStatus.INCOMPLETE);
		assertThat(answer.incompleteDetails().reason()).isEqualTo(MessageIncompleteReason.MAX_TOKENS);
		assertThat(RunContext.textOf(answer)).isEqualTo("one two");
	}

	@Test
	void endsIncompleteAtMaxPromptTokens() {
		String threadId = Fixtures.thread(this.client, "Tell me something");
		CreateRunRequest request = CreateRunRequest.builder(Fixtures.assistant(this.client)).maxPromptTokens(1).build();
		Run run = this.client.runs().create(threadId, request).block(TIMEOUT);
		time.advanceTimeBy(STEP);
		Run incomplete = retrieve(run);
		assertThat(incomplete.status()).isEqualTo(RunStatus.INCOMPLETE);
		assertThat(incomplete.incompleteDetails().reason()).isEqualTo(RunIncompleteReason.MAX_PROMPT_TOKENS);
		assertThat(responder.remaining()).isZero();
	}

	private Run retrieve(Run run) {
		return this.client.runs().retrieve(run.threadId(), run.id()).block(TIMEOUT);
	}

	private List<RunStep> steps(String threadId, Run run) {
		return this.client.runSteps().list(threadId, run.id()).collectList().block(TIMEOUT);
	}

}
