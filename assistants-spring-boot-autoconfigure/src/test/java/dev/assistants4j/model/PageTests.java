package dev.assistants4j.model;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.json.AssistantsJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list page tolerates absent keys and null entries.
 */
class PageTests {

	private final JsonMapper mapper = AssistantsJson.newMapper();

	private final JavaType pageOfAssistants = this.mapper.getTypeFactory()
		.constructParametricType(Page.class, Assistant.class);

	private Page<Assistant> read(String json) {
		return this.mapper.readValue(json, this.pageOfAssistants);
	}

	@Test
	void absentDataIsAnEmptyPage() {
		Page<Assistant> page = read("{\"object\":\"list\"}");
		assertThat(page.data()).isEmpty();
		assertThat(page.firstId()).isNull();
		assertThat(page.lastId()).isNull();
		assertThat(page.hasMore()).isFalse();
	}

	@Test
	void nullDataIsAnEmptyPage() {
		assertThat(read("{\"data\":null,\"has_more\":null}").data()).isEmpty();
	}

	@Test
	void nullEntriesAreDropped() {
		Page<Assistant> page = read("{\"data\":[null,{\"id\":\"asst_1\"}],\"first_id\":\"asst_1\","
				+ "\"last_id\":\"asst_1\",\"has_more\":true,\"next_cursor\":\"x\"}");
		assertThat(page.data()).extracting(Assistant::id).containsExactly("asst_1");
		assertThat(page.firstId()).isEqualTo("asst_1");
		assertThat(page.lastId()).isEqualTo("asst_1");
		assertThat(page.hasMore()).isTrue();
	}

	@Test
	void assistantWithNoKeysHasEmptyCollections() {
		Assistant assistant = this.mapper.readValue("{}", Assistant.class);
		assertThat(assistant.tools()).isEmpty();
		assertThat(assistant.metadata()).isEmpty();
		assertThat(assistant.createdAtInstant()).isNull();
	}

}
