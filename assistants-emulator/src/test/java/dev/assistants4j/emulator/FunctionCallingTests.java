package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.BadRequestException;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.emulator.responder.DefaultResponder;
import dev.assistants4j.emulator.responder.Reply;
import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.emulator.responder.ScriptedResponder;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.RequiredToolCall;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.model.run.ToolChoice;
import dev.assistants4j.model.runstep.FunctionToolCall;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepType;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.stream.RunStreamAccumulator;
import dev.assistants4j.tool.FunctionCall;
import dev.assistants4j.tool.ToolCallHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Function calling against the emulator: the client's tool loop, the outputs the responder sees, and the
 * submissions the service refuses.
 */
class FunctionCallingTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	private static final Tool WEATHER = Tool.function("get_weather", "Current weather of a city",
			Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"), "unit",
					Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))), "required",
					List.of("city", "unit")));

	private static final Tool TIME = Tool.function("get_time", "Current time in a time zone",
			Map.of("type", "object", "properties", Map.of("zone", Map.of("type", "string", "description",
					"An IANA time zone, e.g. Europe/Paris")), "required", List.of("zone")));

	private static final ScriptedResponder responder = new ScriptedResponder();

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension(
			(builder) -> builder.responder(responder));

	private final AssistantsClient client = emulator.client();

	private final List<FunctionCall> calls = new CopyOnWriteArrayList<>();

	private final ToolCallHandler handler = (call) -> {
		this.calls.add(call);
		return Mono.just("{\"" + call.name() + "\":\"ok\"}");
	};

	@BeforeEach
	void answerByDefault() {
		responder.otherwise(new DefaultResponder());
	}

	@Test
	void runsTheToolLoopUntilTheRunCompletes() {
		String threadId = Fixtures.thread(this.client, "What is the weather and time in Paris?");
		CreateRunRequest request = CreateRunRequest.builder(Fixtures.assistant(this.client, WEATHER, TIME)).build();
		StepVerifier.create(this.client.runs().createAndPoll(threadId, request, this.handler))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.calls).extracting(FunctionCall::name, FunctionCall::arguments)
			.containsExactlyInAnyOrder(
					tuple("get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
					tuple("get_time", "{\"zone\":\"Europe/Paris\"}"));
		assertThat(RunContext.textOf(Fixtures.latestMessage(this.client, threadId)))
			.isEqualTo("[emulator] get_weather returned {\"get_weather\":\"ok\"}; get_time returned {\"get_time\":\"ok\"}.");
	}

	@Test
	void streamsTheRunThroughItsFunctionCallsOnOneFluxOfTypedEvents() {
		String threadId = Fixtures.thread(this.client, "What is the weather and time in Paris?");
		CreateRunRequest request = CreateRunRequest.builder(Fixtures.assistant(this.client, WEATHER, TIME)).build();
		StepVerifier.create(RunStreamAccumulator.accumulate(this.client.runs().createStream(threadId, request,
				this.handler)))
			.assertNext((result) -> {
				assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
				assertThat(result.text()).isEqualTo("[emulator] get_weather returned {\"get_weather\":\"ok\"}; "
						+ "get_time returned {\"get_time\":\"ok\"}.");
				assertThat(result.steps()).extracting(RunStep::type)
					.containsExactly(RunStepType.TOOL_CALLS, RunStepType.MESSAGE_CREATION);
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.calls).extracting(FunctionCall::name).containsExactlyInAnyOrder("get_weather", "get_time");
		assertThat(RunContext.textOf(Fixtures.latestMessage(this.client, threadId)))
			.isEqualTo("[emulator] get_weather returned {\"get_weather\":\"ok\"}; get_time returned {\"get_time\":\"ok\"}.");
	}

	@Test
	void recordsTheCallsAndTheirOutputsInARunStep() {
		String threadId = Fixtures.thread(this.client, "Weather?");
		Run run = this.client.runs()
			.createAndPoll(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client, WEATHER)).build(), this.handler)
			.block(TIMEOUT);
		List<RunStep> steps = this.client.runSteps().list(threadId, run.id()).collectList().block(TIMEOUT);
		assertThat(steps).extracting(RunStep::type).containsExactly(RunStepType.MESSAGE_CREATION, RunStepType.TOOL_CALLS);
		StepDetails.ToolCalls details = (StepDetails.ToolCalls) steps.get(1).stepDetails();
		assertThat(details.toolCalls()).singleElement().satisfies((call) -> {
			FunctionToolCall function = (FunctionToolCall) call;
			assertThat(function.id()).startsWith("call_");
			assertThat(function.function().name()).isEqualTo("get_weather");
			assertThat(function.function().output()).isEqualTo("{\"get_weather\":\"ok\"}");
		});
	}

	@Test
	void showsTheResponderEveryOutputSubmitted() {
		responder.thenCall(new Reply.FunctionCall("get_weather", "{\"city\":\"Paris\"}"),
				new Reply.FunctionCall("get_weather", "{\"city\":\"Tokyo\"}"))
			.thenReply("Paris and Tokyo are sunny.");
		String threadId = Fixtures.thread(this.client, "Weather in Paris and Tokyo?");
		int asked = responder.contexts().size();
		StepVerifier.create(this.client.runs()
				.createAndPoll(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client, WEATHER)).build(), this.handler))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		List<RunContext> contexts = responder.contexts().subList(asked, responder.contexts().size());
		assertThat(contexts).hasSize(2);
		assertThat(contexts.get(0).toolOutputs()).isEmpty();
		assertThat(contexts.get(0).lastUserText()).isEqualTo("Weather in Paris and Tokyo?");
		assertThat(contexts.get(1).toolOutputs()).extracting(RunContext.FunctionOutput::arguments)
			.containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Tokyo\"}");
		assertThat(RunContext.textOf(Fixtures.latestMessage(this.client, threadId))).isEqualTo("Paris and Tokyo are sunny.");
	}

	@Test
	void callsOnlyTheFirstFunctionWithoutParallelToolCalls() {
		String threadId = Fixtures.thread(this.client, "Weather?");
		CreateRunRequest request = CreateRunRequest.builder(Fixtures.assistant(this.client, WEATHER, TIME)).parallelToolCalls(false).build();
		Run run = this.client.runs().createAndPoll(threadId, request).block(TIMEOUT);
		assertThat(run.status()).isEqualTo(RunStatus.REQUIRES_ACTION);
		assertThat(run.requiredToolCalls()).extracting((call) -> call.function().name()).containsExactly("get_weather");
		assertThat(run.requiredAction().type()).isEqualTo("submit_tool_outputs");
	}

	@Test
	void answersWithoutCallingWhenToolChoiceIsNone() {
		String threadId = Fixtures.thread(this.client, "Hello");
		CreateRunRequest request = CreateRunRequest.builder(Fixtures.assistant(this.client, WEATHER))
			.toolChoice(ToolChoice.none())
			.build();
		StepVerifier.create(this.client.runs().createAndPoll(threadId, request))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void refusesOutputsThatDoNotMatchThePendingCalls() {
		responder.thenCall(new Reply.FunctionCall("get_weather", "{\"city\":\"Paris\"}"),
				new Reply.FunctionCall("get_weather", "{\"city\":\"Tokyo\"}"));
		String threadId = Fixtures.thread(this.client, "Weather?");
		Run run = this.client.runs()
			.createAndPoll(threadId, CreateRunRequest.builder(Fixtures.assistant(this.client, WEATHER)).build())
			.block(TIMEOUT);
		List<String> ids = run.requiredToolCalls().stream().map(RequiredToolCall::id).toList();
		SubmitToolOutputsRequest oneOfTwo = SubmitToolOutputsRequest.of(ids.get(0), "sunny");
		StepVerifier.create(this.client.runs().submitToolOutputs(threadId, run.id(), oneOfTwo))
			.expectErrorSatisfies((ex) -> {
				BadRequestException refusal = (BadRequestException) ex;
				assertThat(refusal.error().message()).isEqualTo("Expected tool outputs for call_ids ['" + ids.get(0)
						+ "', '" + ids.get(1) + "'], got ['" + ids.get(0) + "']");
				assertThat(refusal.error().type()).isEqualTo("invalid_request_error");
				assertThat(refusal.error().param()).isEqualTo("tool_outputs");
			})
			.verify(TIMEOUT);
		SubmitToolOutputsRequest unknown = SubmitToolOutputsRequest.builder()
			.addToolOutput(ids.get(0), "sunny")
			.addToolOutput("call_unknown", "rainy")
			.build();
		StepVerifier.create(this.client.runs().submitToolOutputs(threadId, run.id(), unknown))
			.expectError(BadRequestException.class)
			.verify(TIMEOUT);
		SubmitToolOutputsRequest both = SubmitToolOutputsRequest.builder()
			.addToolOutput(ids.get(1), "rainy")
			.addToolOutput(ids.get(0), "sunny")
			.build();
		StepVerifier.create(this.client.runs().submitToolOutputsAndPoll(threadId, run.id(), both))
			.assertNext((completed) -> assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void refusesOutputsForARunThatDoesNotRequireAction() {
		String threadId = Fixtures.thread(this.client, "Hello");
		String assistantId = this.client.assistants()
			.create(CreateAssistantRequest.builder("gpt-4o").build())
			.block(TIMEOUT)
			.id();
		Run run = this.client.runs().createAndPoll(threadId, CreateRunRequest.builder(assistantId).build())
			.block(TIMEOUT);
		StepVerifier.create(this.client.runs()
				.submitToolOutputs(threadId, run.id(), SubmitToolOutputsRequest.of("call_1", "late")))
			.expectErrorSatisfies((ex) -> assertThat(((BadRequestException) ex).error().message())
				.isEqualTo("Runs in status \"completed\" do not accept tool outputs."))
			.verify(TIMEOUT);
	}

}
