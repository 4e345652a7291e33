package dev.assistants4j.emulator.responder;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.ToolChoice;
import dev.assistants4j.model.tool.Tool;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultResponderTests {

	private static final Tool WEATHER = Tool.function("get_weather", null,
			Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required",
					List.of("city")));

	private static final Tool TIME = Tool.function("get_time", null, null);

	private final DefaultResponder responder = new DefaultResponder();

	@Test
	void echoesTheLatestUserMessageWordByWord() {
		RunContext context = context(run(List.of(), null, null), List.of(message(MessageRole.USER, "First"),
				message(MessageRole.USER, "Second one"), message(MessageRole.ASSISTANT, "An answer")), List.of());
		StepVerifier.create(this.responder.respond(context).flatMapMany((reply) -> ((Reply.Text) reply).chunks()))
			.expectNext("[emulator]", " You", " said:", " Second", " one")
			.expectComplete()
			.verify();
	}

	@Test
	void greetsWhenNoUserHasWrittenYet() {
		StepVerifier.create(this.responder.respond(context(run(List.of(), null, null), List.of(), List.of()))
				.flatMapMany((reply) -> ((Reply.Text) reply).chunks())
				.reduce(String::concat))
			.expectNext("[emulator] Hello! Add a user message to the thread and I will answer it.")
			.expectComplete()
			.verify();
	}

	@Test
	void callsEveryFunctionFirst() {
		RunContext context = context(run(List.of(Tool.codeInterpreter(), WEATHER, TIME), null, null),
				List.of(message(MessageRole.USER, "Weather?")), List.of());
		StepVerifier.create(this.responder.respond(context))
			.assertNext((reply) -> assertThat(((Reply.FunctionCalls) reply).calls()).containsExactly(
					new Reply.FunctionCall("get_weather", "{\"city\":\"Paris\"}"),
					new Reply.FunctionCall("get_time", "{}")))
			.expectComplete()
			.verify();
	}

	@Test
	void callsOnlyWhatToolChoiceAndParallelToolCallsAllow() {
		assertCalls(run(List.of(WEATHER, TIME), ToolChoice.function("get_time"), null), "get_time");
		assertCalls(run(List.of(WEATHER, TIME), null, false), "get_weather");
		StepVerifier.create(this.responder.respond(context(run(List.of(WEATHER), ToolChoice.none(), null),
				List.of(), List.of())))
			.assertNext((reply) -> assertThat(reply).isInstanceOf(Reply.Text.class))
			.expectComplete()
			.verify();
	}

	@Test
	void quotesTheOutputsOnceTheyAreSubmitted() {
		RunContext context = context(run(List.of(WEATHER), null, null), List.of(),
				List.of(new RunContext.FunctionOutput("call_1", "get_weather", "{}", "sunny"),
						new RunContext.FunctionOutput("call_2", "get_time", "{}", "noon")));
		StepVerifier.create(this.responder.respond(context)
				.flatMapMany((reply) -> ((Reply.Text) reply).chunks())
				.reduce(String::concat))
			.expectNext("[emulator] get_weather returned sunny; get_time returned noon.")
			.expectComplete()
			.verify();
	}

	private void assertCalls(Run run, String... names) {
		StepVerifier.create(this.responder.respond(context(run, List.of(), List.of())))
			.assertNext((reply) -> assertThat(((Reply.FunctionCalls) reply).calls()).extracting(Reply.FunctionCall::name)
				.containsExactly(names))
			.expectComplete()
			.verify();
	}

	static RunContext context(Run run, List<Message> messages, List<RunContext.FunctionOutput> outputs) {
		Assistant assistant = new Assistant("asst_1", "assistant", 0L, null, null, "gpt-4o", null, List.of(), null,
				Map.of(), null, null, null, null);
		return new RunContext(run, assistant, messages, outputs);
	}

	static Run run(List<Tool> tools, ToolChoice toolChoice, Boolean parallelToolCalls) {
		return new Run("run_1", "thread.run", 0L, "thread_1", "asst_1", null, null, null, null, null, null, null,
				null, null, "gpt-4o", null, tools, null, null, null, null, null, null, null, toolChoice,
				parallelToolCalls, null, null);
	}

	static Message message(MessageRole role, String text) {
		return new Message("msg_" + text.hashCode(), "thread.message", 0L, "thread_1", null, null, null, null, role,
				List.of(new TextContent(new TextContent.Text(text, List.of()))), null, null, List.of(), Map.of());
	}

}
