package dev.assistants4j.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.message.FileCitationAnnotation;
import dev.assistants4j.model.message.FilePathAnnotation;
import dev.assistants4j.model.message.ImageDetail;
import dev.assistants4j.model.message.ImageFileContent;
import dev.assistants4j.model.message.ImageUrlContent;
import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.message.MessageDelta;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.TextAnnotationDelta;
import dev.assistants4j.model.runstep.CodeInterpreterOutput;
import dev.assistants4j.model.runstep.CodeInterpreterOutputDelta;
import dev.assistants4j.model.runstep.FileSearchToolCall;
import dev.assistants4j.model.runstep.FunctionToolCall;
import dev.assistants4j.model.runstep.RunStepDelta;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.runstep.StepDetailsDelta;
import dev.assistants4j.model.runstep.ToolCallDelta;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deltas a streamed run sends, decoded from the {@code data:} of the spec's SSE transcripts and from
 * realistic variants: every part carries its {@code index}, and unknown members keep their raw JSON.
 */
class DeltaDecodingTests {

	private final JsonMapper mapper = AssistantsJson.newMapper();

	@Test
	void specMessageDeltasDecodeToIndexedTextPieces() {
		List<MessageDelta> deltas = specLines().stream()
			.filter((line) -> line.contains("\"thread.message.delta\""))
			.map((line) -> this.mapper.readValue(line, MessageDelta.class))
			.toList();
		assertThat(deltas).hasSize(8);
		assertThat(deltas).extracting(MessageDelta::object).containsOnly("thread.message.delta");
		MessageContentDelta hello = new MessageContentDelta.Text(0,
				new MessageContentDelta.TextDelta("Hello", List.of()));
		assertThat(deltas.get(0)).isEqualTo(
				new MessageDelta("msg_001", "thread.message.delta", new MessageDelta.Delta(null, List.of(hello))));
		StringBuilder text = new StringBuilder();
		deltas.stream().filter((delta) -> "msg_002".equals(delta.id())).forEach((delta) -> {
			MessageContentDelta.Text part = (MessageContentDelta.Text) delta.delta().content().get(0);
			assertThat(part.index()).isZero();
			assertThat(part.type()).isEqualTo("text");
			assertThat(part.text().annotations()).isEmpty();
			text.append(part.text().value());
		});
		assertThat(text).hasToString("The current weather sunny.");
	}

	@Test
	void specStepDeltasDecodeToPiecesOfAFunctionCall() {
		List<RunStepDelta> deltas = specLines().stream()
			.filter((line) -> line.contains("\"thread.run.step.delta\""))
			.map((line) -> this.mapper.readValue(line, RunStepDelta.class))
			.toList();
		assertThat(deltas).hasSize(5);
		List<ToolCallDelta.Function> calls = deltas.stream()
			.map((delta) -> ((StepDetailsDelta.ToolCalls) delta.delta().stepDetails()).toolCalls())
			.map((toolCalls) -> (ToolCallDelta.Function) toolCalls.get(0))
			.toList();
		assertThat(calls.get(0)).isEqualTo(new ToolCallDelta.Function(0, "call_XXNp8YGaFrjrSjgqxtC8JJ1B",
				new FunctionToolCall.Function("get_current_weather", "", null)));
		assertThat(calls.subList(1, 5)).allSatisfy((call) -> {
			assertThat(call.index()).isZero();
			assertThat(call.id()).isNull();
			assertThat(call.type()).isEqualTo("function");
			assertThat(call.function().name()).isNull();
		});
		assertThat(calls).extracting((call) -> call.function().arguments())
			.containsExactly("", "{\"", "location", "ahrenheit", "\"}");
	}

	@Test
	void messageDeltaDecodesEveryPartAndAnnotation() {
		MessageDelta cite = this.mapper.readValue(lines("stream-deltas.jsonl").get(0), MessageDelta.class);
		assertThat(cite.delta().role()).isEqualTo(MessageRole.ASSISTANT);
		MessageContentDelta.TextDelta text = ((MessageContentDelta.Text) cite.delta().content().get(0)).text();
		assertThat(text.value()).isEqualTo("Revenue grew 12%【4:0†report.pdf】");
		assertThat(text.annotations()).extracting(TextAnnotationDelta::index).containsExactly(0, 1, 2);
		assertThat(text.annotations().get(0)).isEqualTo(new TextAnnotationDelta.FileCitation(0, "【4:0†report.pdf】",
				new FileCitationAnnotation.FileCitation("file-report", null), 16, 32));
		assertThat(text.annotations().get(1)).isEqualTo(new TextAnnotationDelta.FilePath(1,
				"sandbox:/mnt/data/chart.png", new FilePathAnnotation.FilePath("file-chart"), 40, 67));
		assertThat(text.annotations().get(2)).isInstanceOfSatisfying(TextAnnotationDelta.Unknown.class,
				(unknown) -> assertThat(unknown.type()).isEqualTo("url_citation"));
		MessageDelta parts = this.mapper.readValue(lines("stream-deltas.jsonl").get(1), MessageDelta.class);
		List<MessageContentDelta> content = parts.delta().content();
		assertThat(parts.delta().role()).isNull();
		assertThat(content).extracting(MessageContentDelta::index).containsExactly(1, 2, 3, 4);
		assertThat(content).extracting(MessageContentDelta::type)
			.containsExactly("image_file", "image_url", "refusal", "audio");
		assertThat(content.get(0)).isEqualTo(new MessageContentDelta.ImageFile(1,
				new ImageFileContent.ImageFile("file-chart", ImageDetail.LOW)));
		assertThat(content.get(1)).isEqualTo(new MessageContentDelta.ImageUrl(2,
				new ImageUrlContent.ImageUrl("https://example.com/cat.png", null)));
		assertThat(content.get(2)).isEqualTo(new MessageContentDelta.Refusal(3, "I can't"));
		assertThat(content.get(3)).isInstanceOf(MessageContentDelta.Unknown.class);
	}

	@Test
	void stepDeltaDecodesCodeInterpreterFileSearchAndMessageCreation() {
		List<RunStepDelta> deltas = lines("stream-deltas.jsonl").subList(2, 7).stream()
			.map((line) -> this.mapper.readValue(line, RunStepDelta.class))
			.toList();
		ToolCallDelta.CodeInterpreter input = (ToolCallDelta.CodeInterpreter) toolCalls(deltas.get(0)).get(0);
		assertThat(input.index()).isZero();
		assertThat(input.id()).isEqualTo("call_code");
		assertThat(input.codeInterpreter()).isEqualTo(new ToolCallDelta.CodeInterpreterDelta("print(2 + ", List.of()));
		ToolCallDelta.CodeInterpreter outputs = (ToolCallDelta.CodeInterpreter) toolCalls(deltas.get(1)).get(0);
		assertThat(outputs.id()).isNull();
		assertThat(outputs.codeInterpreter().input()).isNull();
		List<CodeInterpreterOutputDelta> produced = outputs.codeInterpreter().outputs();
		assertThat(produced).extracting(CodeInterpreterOutputDelta::index).containsExactly(0, 1, 2);
		assertThat(produced.get(0)).isEqualTo(new CodeInterpreterOutputDelta.Logs(0, "4\n"));
		assertThat(produced.get(1)).isEqualTo(
				new CodeInterpreterOutputDelta.Image(1, new CodeInterpreterOutput.ImageFile("file-plot")));
		assertThat(produced.get(2)).isInstanceOfSatisfying(CodeInterpreterOutputDelta.Unknown.class,
				(unknown) -> assertThat(unknown.type()).isEqualTo("chart"));
		assertThat(toolCalls(deltas.get(2)).get(0))
			.isEqualTo(new ToolCallDelta.FileSearch(0, "call_search", new FileSearchToolCall.FileSearch(null, null)));
		assertThat(toolCalls(deltas.get(2)).get(1)).isInstanceOfSatisfying(ToolCallDelta.Unknown.class, (unknown) -> {
			assertThat(unknown.type()).isEqualTo("browser");
			assertThat(unknown.index()).isEqualTo(1);
		});
		assertThat(deltas.get(3).delta().stepDetails()).isEqualTo(
				new StepDetails.MessageCreation(new StepDetails.CreatedMessage("msg_cite")));
		assertThat(deltas.get(4).delta().stepDetails()).isInstanceOfSatisfying(StepDetailsDelta.Unknown.class,
				(unknown) -> assertThat(unknown.type()).isEqualTo("reasoning"));
	}

	@Test
	void deltasReadBackEqualAfterBeingWritten() {
		for (String line : lines("stream-deltas.jsonl")) {
			Class<?> type = line.contains("\"thread.run.step.delta\"") ? RunStepDelta.class : MessageDelta.class;
			Object delta = this.mapper.readValue(line, type);
			assertThat(this.mapper.readValue(this.mapper.writeValueAsString(delta), type)).as(line).isEqualTo(delta);
		}
	}

	@Test
	void unknownDeltaMembersKeepTheirRawJsonAndTheirIndex() {
		MessageContentDelta audio = this.mapper.readValue("""
				{"index":4,"type":"audio","audio":{"transcript":"hi"}}""", MessageContentDelta.class);
		assertThat(audio.index()).isEqualTo(4);
		assertThat(this.mapper.writeValueAsString(audio))
			.isEqualTo("{\"index\":4,\"type\":\"audio\",\"audio\":{\"transcript\":\"hi\"}}");
		TextAnnotationDelta citation = this.mapper.readValue("""
				{"index":"2","type":"url_citation"}""", TextAnnotationDelta.class);
		assertThat(citation.index()).isNull();
		CodeInterpreterOutputDelta chart = this.mapper.readValue("""
				{"type":"chart","index":1.5}""", CodeInterpreterOutputDelta.class);
		assertThat(chart.index()).isNull();
		ToolCallDelta browser = this.mapper.readValue("""
				{"type":"browser"}""", ToolCallDelta.class);
		assertThat(browser.index()).isNull();
	}

	private static List<ToolCallDelta> toolCalls(RunStepDelta delta) {
		return ((StepDetailsDelta.ToolCalls) delta.delta().stepDetails()).toolCalls();
	}

	private static List<String> specLines() {
		return lines("stream-deltas-spec.jsonl");
	}

	private static List<String> lines(String fixture) {
		try (InputStream in = DeltaDecodingTests.class.getResourceAsStream("/fixtures/" + fixture)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter((line) -> !line.isBlank())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
