package dev.assistants4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.ReasoningEffort;
import dev.assistants4j.model.json.AssistantsJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open enumerations accept any value the server sends, compare by value and write it back unchanged.
 */
class OpenEnumTests {

	private final JsonMapper mapper = AssistantsJson.newMapper();

	@Test
	void unknownValueDecodesAndKeepsItsValue() {
		ReasoningEffort effort = this.mapper.readValue("\"turbo\"", ReasoningEffort.class);
		assertThat(effort.value()).isEqualTo("turbo");
		assertThat(effort).hasToString("turbo");
		assertThat(effort).isNotIn(ReasoningEffort.NONE, ReasoningEffort.MINIMAL, ReasoningEffort.LOW,
				ReasoningEffort.MEDIUM, ReasoningEffort.HIGH);
	}

	@Test
	void knownValueDecodesEqualToItsConstant() {
		ReasoningEffort effort = this.mapper.readValue("\"high\"", ReasoningEffort.class);
		assertThat(effort).isEqualTo(ReasoningEffort.HIGH).hasSameHashCodeAs(ReasoningEffort.HIGH);
		assertThat(effort).isNotEqualTo(ReasoningEffort.LOW);
	}

	@Test
	void equalsComparesTheValue() {
		assertThat(ReasoningEffort.of("turbo")).isEqualTo(ReasoningEffort.of("turbo"))
			.hasSameHashCodeAs(ReasoningEffort.of("turbo"))
			.isNotEqualTo(ReasoningEffort.of("Turbo"))
			.isNotEqualTo("turbo");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"turbo\"", "\"high\"", "\"ultra-2026\"" })
	void valueRoundTripsUnchanged(String json) {
		assertThat(this.mapper.writeValueAsString(this.mapper.readValue(json, ReasoningEffort.class))).isEqualTo(json);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void blankValueInAResponseDoesNotFailTheObjectAndRoundTrips(String value) {
		Assistant assistant = this.mapper.readValue("{\"id\":\"asst_1\",\"reasoning_effort\":\"" + value + "\"}",
				Assistant.class);
		assertThat(assistant.id()).isEqualTo("asst_1");
		assertThat(assistant.reasoningEffort()).isEqualTo(ReasoningEffort.of(value));
		assertThat(this.mapper.writeValueAsString(assistant.reasoningEffort())).isEqualTo('"' + value + '"');
	}

}
