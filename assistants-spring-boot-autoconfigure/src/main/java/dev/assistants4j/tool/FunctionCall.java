package dev.assistants4j.tool;

import java.util.Map;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.assistants4j.model.json.AssistantsJson;

/**
 * A function call a run waits for: which function the model wants run, with which arguments. The arguments
 * are JSON text as the model wrote it, which is not guaranteed to be valid; the {@code arguments…} readers
 * parse it with the client's own JSON mapping and throw {@link IllegalArgumentException} when it is not
 * JSON of the expected shape, which the loop submits as an error output the model can correct.
 *
 * @param id the call's id, {@code call_...}, that the output answers
 * @param name the function's name
 * @param arguments the arguments as JSON text; empty when the model sent none
 */
public record FunctionCall(String id, String name, String arguments) {

	private static final JsonMapper MAPPER = AssistantsJson.newMapper();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/**
	 * Validates the call.
	 * @throws IllegalArgumentException if an argument is {@code null}
	 */
	public FunctionCall {
		Assert.notNull(id, "'id' must not be null");
		Assert.notNull(name, "'name' must not be null");
		Assert.notNull(arguments, "'arguments' must not be null");
	}

	/**
	 * Reads the arguments as a JSON tree.
	 * @return the tree; an empty object when the model sent no arguments
	 * @throws IllegalArgumentException if the arguments are not JSON
	 */
	public JsonNode argumentsTree() {
		return read(MAPPER::readTree);
	}

	/**
	 * Reads the arguments as a map, with nested objects as maps and arrays as lists.
	 * @return the arguments; empty when the model sent none
	 * @throws IllegalArgumentException if the arguments are not a JSON object
	 */
	public Map<String, Object> argumentsAsMap() {
		return read((json) -> MAPPER.readValue(json, MAP));
	}

	/**
	 * Reads the arguments into a type of the application, such as a record whose components are the
	 * parameters of the function's JSON schema.
	 * @param type the type to read into
	 * @param <T> the type to read into
	 * @return the arguments
	 * @throws IllegalArgumentException if the arguments are not JSON of that shape
	 */
	public <T> T argumentsAs(Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		return read((json) -> MAPPER.readValue(json, type));
	}

	private <T> T read(Function<String, T> reader) {
		String json = this.arguments.isBlank() ? "{}" : this.arguments;
		try {
			T value = reader.apply(json);
			if (value == null) {
				// The client's mapping reads a value of another shape as absent rather than failing.
				throw new IllegalArgumentException("The arguments of " + this.name + " are not valid: null or not "
						+ "of the expected shape");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The arguments of " + this.name + " are not valid: "
					+ ex.getOriginalMessage(), ex);
		}
	}

}
