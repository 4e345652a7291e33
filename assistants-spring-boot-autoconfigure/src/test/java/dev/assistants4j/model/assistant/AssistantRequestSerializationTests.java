package dev.assistants4j.model.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.tool.Tool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests send only what the caller set: a modify request never sends a default that would wipe the
 * server's state.
 */
class AssistantRequestSerializationTests {

	private final JsonMapper mapper = AssistantsJson.newMapper();

	private String write(Object request) {
		return this.mapper.writeValueAsString(request);
	}

	@Test
	void emptyModifyRequestIsAnEmptyObject() {
		assertThat(write(ModifyAssistantRequest.builder().build())).isEqualTo("{}");
	}

	@Test
	void modifyRequestSendsOnlyTheValuesThatWereSet() {
		ModifyAssistantRequest request = ModifyAssistantRequest.builder()
			.name("Math Tutor")
			.putMetadata("team", "math")
			.temperature(0.0)
			.build();
		assertThat(write(request))
			.isEqualTo("{\"name\":\"Math Tutor\",\"metadata\":{\"team\":\"math\"},\"temperature\":0.0}");
	}

	@Test
	void explicitlyEmptyToolsAreSentToClearThem() {
		assertThat(write(ModifyAssistantRequest.builder().tools(List.of()).build())).isEqualTo("{\"tools\":[]}");
		assertThat(write(ModifyAssistantRequest.builder().metadata(Map.of()).build())).isEqualTo("{\"metadata\":{}}");
	}

	@Test
	void createRequestWithOnlyAModelSendsOnlyTheModel() {
		assertThat(write(CreateAssistantRequest.builder("gpt-4o").build())).isEqualTo("{\"model\":\"gpt-4o\"}");
	}

	@Test
	void createRequestUsesWireNames() {
		CreateAssistantRequest request = CreateAssistantRequest.builder("o3-mini")
			.reasoningEffort(ReasoningEffort.of("turbo"))
			.topP(0.5)
			.responseFormat(ResponseFormat.jsonObject())
			.tools(List.of(Tool.fileSearch()))
			.build();
		assertThat(write(request)).isEqualTo("{\"model\":\"o3-mini\",\"reasoning_effort\":\"turbo\","
				+ "\"tools\":[{\"type\":\"file_search\"}],\"top_p\":0.5,"
				+ "\"response_format\":{\"type\":\"json_object\"}}");
	}

}
