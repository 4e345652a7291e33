package dev.assistants4j.emulator.responder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.json.AssistantsJson;

/**
 * Makes up plausible arguments from a function's JSON schema, deterministically: a value for each required
 * property, taken from the schema where it offers one ({@code examples}, {@code default}, {@code const}, the
 * first of an {@code enum}, an "e.g." in the description, a {@code minimum}), else from the property's name
 * and type, so that a function that validates its arguments accepts them.
 */
public final class ExampleArguments {

	private static final JsonMapper MAPPER = AssistantsJson.newMapper();

	private static final Pattern FOR_EXAMPLE = Pattern.compile("(?i)\\be\\.g\\.,?\\s*([^.;()\\n]+)");

	private static final int MAX_DEPTH = 8;

	private ExampleArguments() {
	}

	/**
	 * Makes up the arguments of a call.
	 * @param parameters the function's JSON schema, or {@code null} for a function without parameters
	 * @param userText the latest user message, used for properties such as {@code query}, or {@code null}
	 * @return a JSON object
	 */
	public static String of(@Nullable Map<String, ?> parameters, @Nullable String userText) {
		Object value = (parameters != null) ? valueOf(parameters, "", userText, 0) : Map.of();
		return MAPPER.writeValueAsString((value instanceof Map) ? value : Map.of());
	}

	private static @Nullable Object valueOf(Map<?, ?> schema, String name, @Nullable String userText, int depth) {
		Object offered = offered(schema);
		if (offered != null) {
			return offered;
		}
		if (depth >= MAX_DEPTH) {
			return null;
		}
		Object alternatives = schema.containsKey("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
		if (alternatives instanceof List<?> options) {
			for (Object option : options) {
				if (option instanceof Map<?, ?> alternative && !"null".equals(alternative.get("type"))) {
					return valueOf(alternative, name, userText, depth + 1);
				}
			}
		}
		return switch (type(schema)) {
			case "object" -> object(schema, userText, depth);
			case "array" -> array(schema, name, userText, depth);
			case "integer" -> (schema.get("minimum") instanceof Number minimum) ? minimum.longValue() : 1;
			case "number" -> (schema.get("minimum") instanceof Number minimum) ? minimum : 1;
			case "boolean" -> true;
			case "null" -> null;
			default -> string(schema, name, userText);
		};
	}

	private static @Nullable Object offered(Map<?, ?> schema) {
		if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
			return examples.get(0);
		}
		if (schema.containsKey("default")) {
			return schema.get("default");
		}
		if (schema.containsKey("const")) {
			return schema.get("const");
		}
		if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
			return values.get(0);
		}
		return null;
	}

	private static String type(Map<?, ?> schema) {
		Object type = schema.get("type");
		if (type instanceof List<?> types) {
			type = types.stream().filter((each) -> !"null".equals(each)).findFirst().map(Object.class::cast).orElse("null");
		}
		if (type instanceof String name) {
			return name;
		}
		return schema.containsKey("properties") ? "object" : "string";
	}

	private static Map<String, @Nullable Object> object(Map<?, ?> schema, @Nullable String userText, int depth) {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		Map<?, ?> properties = (schema.get("properties") instanceof Map<?, ?> map) ? map : Map.of();
		List<?> required = (schema.get("required") instanceof List<?> list) ? list : List.of();
		for (Object key : required) {
			Object property = properties.get(key);
			String name = String.valueOf(key);
			object.put(name, (property instanceof Map<?, ?> propertySchema)
					? valueOf(propertySchema, name, userText, depth + 1) : "example");
		}
		return object;
	}

	private static List<@Nullable Object> array(Map<?, ?> schema, String name, @Nullable String userText,
			int depth) {
		List<@Nullable Object> array = new ArrayList<>();
		if (schema.get("items") instanceof Map<?, ?> items) {
			array.add(valueOf(items, name, userText, depth + 1));
		}
		return array;
	}

	private static String string(Map<?, ?> schema, String name, @Nullable String userText) {
		String byFormat = (schema.get("format") instanceof String format) ? byFormat(format) : null;
		if (byFormat != null) {
			return byFormat;
		}
		if (schema.get("description") instanceof String description) {
			Matcher example = FOR_EXAMPLE.matcher(description);
			if (example.find()) {
				return example.group(1).strip().replaceAll("^[\"'`]|[\"'`]$", "");
			}
		}
		return byName(name.toLowerCase(Locale.ROOT), userText);
	}

	private static @Nullable String byFormat(String format) {
		return switch (format) {
			case "date" -> "2026-01-01";
			case "date-time" -> "2026-01-01T12:00:00Z";
			case "time" -> "12:00:00";
			case "email" -> "ada@example.com";
			case "uri", "url" -> "https://example.com";
			case "uuid" -> "00000000-0000-4000-8000-000000000000";
			default -> null;
		};
	}

	private static String byName(String name, @Nullable String userText) {
		if (name.contains("city") || name.contains("location") || name.contains("place")) {
			return "Paris";
		}
		if (name.contains("country")) {
			return "France";
		}
		if (name.contains("email")) {
			return "ada@example.com";
		}
		if (name.contains("date")) {
			return "2026-01-01";
		}
		if (name.contains("name")) {
			return "Ada Lovelace";
		}
		if (userText != null && (name.contains("query") || name.contains("question") || name.contains("text")
				|| name.contains("prompt") || name.contains("message"))) {
			return userText;
		}
		return "example";
	}

}
