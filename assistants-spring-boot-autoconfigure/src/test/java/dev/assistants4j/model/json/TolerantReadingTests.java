package dev.assistants4j.model.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.Page;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.tool.FileSearchTool;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.vectorstore.FileCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A field whose value has drifted from the shape the model expects reads as absent (or, for a string, as the
 * text that was sent) while the rest of the object decodes.
 */
class TolerantReadingTests {

	private final JsonMapper mapper = AssistantsJson.newMapper();

	@Test
	void fieldsOfAnUnexpectedShapeReadAsAbsentWhileTheRestDecodes() {
		Assistant assistant = this.mapper.readValue("""
				{"id":"asst_1","created_at":"yesterday","temperature":"hot","top_p":[1],
				 "name":{"en":"Tutor"},"description":42,"metadata":["a"],"tool_resources":"none",
				 "model":"gpt-4o"}""", Assistant.class);
		assertThat(assistant.id()).isEqualTo("asst_1");
		assertThat(assistant.createdAt()).isNull();
		assertThat(assistant.temperature()).isNull();
		assertThat(assistant.topP()).isNull();
		assertThat(assistant.name()).isEqualTo("{\"en\":\"Tutor\"}");
		assertThat(assistant.description()).isEqualTo("42");
		assertThat(assistant.metadata()).isEmpty();
		assertThat(assistant.toolResources()).isNull();
		assertThat(assistant.model()).isEqualTo("gpt-4o");
	}

	@Test
	void aSingleObjectWhereAListBelongsReadsAsAListOfOne() {
		Assistant assistant = this.mapper.readValue("""
				{"id":"asst_1","tools":{"type":"code_interpreter"}}""", Assistant.class);
		assertThat(assistant.tools()).containsExactly(Tool.codeInterpreter());
	}

	@Test
	void aDriftedFieldDeepInsideAPageCostsOnlyThatField() {
		Page<Message> page = this.mapper.readValue("""
				{"object":"list","has_more":"no","data":[
				 {"id":"msg_1","created_at":1.7e9,"content":[{"type":"text","text":{"value":"hi","annotations":{}}}]},
				 {"id":"msg_2","metadata":{"k":{"nested":true}}}]}""",
				this.mapper.getTypeFactory().constructParametricType(Page.class, Message.class));
		assertThat(page.hasMore()).isFalse();
		assertThat(page.data()).extracting(Message::id).containsExactly("msg_1", "msg_2");
		assertThat(page.data().get(0).createdAt()).isEqualTo(1_700_000_000L);
		assertThat(page.data().get(0).content()).singleElement()
			.isInstanceOfSatisfying(TextContent.class, (text) -> assertThat(text.text().value()).isEqualTo("hi"));
		assertThat(page.data().get(1).metadata()).isEqualTo(Map.of("k", "{\"nested\":true}"));
		assertThat(List.copyOf(page.data().get(1).content())).isEmpty();
	}

	@Test
	void tokensAfterTheFirstValueAreIgnoredAsInTheSpecStreamExamples() {
		String run = "{\"id\":\"run_123\",\"object\":\"thread.run\",\"status\":\"queued\",\"metadata\":{}}}";
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> JsonMapper.builder().build().readValue(run, Run.class));
		Run decoded = this.mapper.readValue(run, Run.class);
		assertThat(decoded.id()).isEqualTo("run_123");
		assertThat(decoded.status()).isEqualTo(RunStatus.QUEUED);
		assertThat(this.mapper.readTree(run + " ]").get("object").stringValue()).isEqualTo("thread.run");
	}

	@Test
	void integersOutOfTheirTypesRangeReadAsAbsentWhileTheRestDecodes() {
		Assistant assistant = this.mapper.readValue("""
				{"id":"asst_1","created_at":123456789012345678901234567890,"tools":[
				 {"type":"file_search","file_search":{"max_num_results":99999999999,"ranking_options":{"ranker":"auto"}}}]}""",
				Assistant.class);
		assertThat(assistant.id()).isEqualTo("asst_1");
		assertThat(assistant.createdAt()).isNull();
		assertThat(assistant.tools()).singleElement().isInstanceOfSatisfying(FileSearchTool.class, (tool) -> {
			assertThat(tool.fileSearch().maxNumResults()).isNull();
			assertThat(tool.fileSearch().rankingOptions().ranker()).isEqualTo("auto");
		});
		FileCounts counts = this.mapper.readValue("{\"in_progress\":4294967296,\"completed\":3,\"total\":3}",
				FileCounts.class);
		assertThat(counts).isEqualTo(new FileCounts(0, 3, 0, 0, 3));
	}

}
