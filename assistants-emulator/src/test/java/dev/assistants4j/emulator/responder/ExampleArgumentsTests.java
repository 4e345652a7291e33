package dev.assistants4j.emulator.responder;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleArgumentsTests {

	@Test
	void givesAValueToEachRequiredPropertyOnly() {
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string"), "days", Map.of("type", "integer")), "required",
				List.of("city"));
		assertThat(ExampleArguments.of(schema, null)).isEqualTo("{\"city\":\"Paris\"}");
	}

	@Test
	void takesWhatTheSchemaOffersFirst() {
		Map<String, Object> schema = object(Map.of(
				"unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit")),
				"location", Map.of("type", "string", "description", "The city and state, e.g. San Francisco, CA"),
				"count", Map.of("type", "integer", "minimum", 3),
				"mode", Map.of("type", "string", "default", "fast"),
				"tag", Map.of("type", "string", "examples", List.of("urgent")),
				"kind", Map.of("const", "fixed")));
		assertThat(ExampleArguments.of(schema, null)).isEqualTo("{\"count\":3,\"kind\":\"fixed\","
				+ "\"location\":\"San Francisco, CA\",\"mode\":\"fast\",\"tag\":\"urgent\",\"unit\":\"celsius\"}");
	}

	@Test
	void followsTypesFormatsAndNames() {
		Map<String, Object> schema = object(Map.of(
				"when", Map.of("type", "string", "format", "date"),
				"email", Map.of("type", "string"),
				"enabled", Map.of("type", "boolean"),
				"ratio", Map.of("type", List.of("number", "null")),
				"query", Map.of("type", "string"),
				"other", Map.of("type", "string")));
		assertThat(ExampleArguments.of(schema, "What is new?")).isEqualTo("{\"email\":\"ada@example.com\","
				+ "\"enabled\":true,\"other\":\"example\",\"query\":\"What is new?\",\"ratio\":1,"
				+ "\"when\":\"2026-01-01\"}");
	}

	@Test
	void nestsObjectsArraysAndAlternatives() {
		Map<String, Object> schema = object(Map.of(
				"address", Map.of("type", "object", "properties", Map.of("country", Map.of("type", "string")),
						"required", List.of("country")),
				"names", Map.of("type", "array", "items", Map.of("type", "string")),
				"either", Map.of("anyOf", List.of(Map.of("type", "null"), Map.of("type", "integer")))));
		assertThat(ExampleArguments.of(schema, null))
			.isEqualTo("{\"address\":{\"country\":\"France\"},\"either\":1,\"names\":[\"Ada Lovelace\"]}");
	}

	@Test
	void callsAFunctionWithoutParametersWithAnEmptyObject() {
		assertThat(ExampleArguments.of(null, "Hi")).isEqualTo("{}");
		assertThat(ExampleArguments.of(Map.of("type", "object"), "Hi")).isEqualTo("{}");
	}

	@Test
	void stopsAtASchemaThatRefersToItselfTooDeeply() {
		Map<String, Object> deep = Map.of("type", "string");
		for (int i = 0; i < 20; i++) {
			deep = object(Map.of("next", deep));
		}
		assertThat(ExampleArguments.of(deep, null)).contains("\"next\":null");
	}

	/**
	 * An object schema requiring every property, in the order of their names.
	 */
	private static Map<String, Object> object(Map<String, ?> properties) {
		return Map.of("type", "object", "properties", properties, "required",
				properties.keySet().stream().sorted().toList());
	}

}
