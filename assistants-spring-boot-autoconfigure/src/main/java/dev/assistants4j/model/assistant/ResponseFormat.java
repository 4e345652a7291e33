package dev.assistants4j.model.assistant;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * The format the model must answer in: the string {@code "auto"}, or an object whose {@code type} is
 * {@code text}, {@code json_object} or {@code json_schema}. Anything else decodes to {@link Unknown}.
 */
public sealed interface ResponseFormat
		permits ResponseFormat.Auto, ResponseFormat.Text, ResponseFormat.JsonObject, ResponseFormat.JsonSchema,
		ResponseFormat.Unknown {

	/**
	 * The server's default, sent as the bare string {@code "auto"}.
	 * @return the auto format
	 */
	static Auto auto() {
		return Auto.INSTANCE;
	}

	/**
	 * Plain text answers.
	 * @return the text format
	 */
	static Text text() {
		return new Text();
	}

	/**
	 * JSON mode: the answer is a valid JSON object.
	 * @return the JSON object format
	 */
	static JsonObject jsonObject() {
		return new JsonObject();
	}

	/**
	 * Structured outputs: the answer follows the given JSON schema.
	 * @param name the schema's name
	 * @param schema the JSON schema
	 * @param strict whether the model must follow the schema exactly
	 * @return the JSON schema format
	 */
	static JsonSchema jsonSchema(String name, Map<String, @Nullable Object> schema, @Nullable Boolean strict) {
		Assert.hasText(name, "'name' must not be blank");
		Assert.notNull(schema, "'schema' must not be null");
		return new JsonSchema(new JsonSchema.Definition(name, null, schema, strict));
	}

	/**
	 * The bare string {@code "auto"}. Any other bare string decodes to {@link Unknown}.
	 */
	record Auto() implements ResponseFormat {

		static final Auto INSTANCE = new Auto();

		/**
		 * Returns the wire value.
		 * @return {@code auto}
		 */
		@JsonValue
		public String value() {
			return "auto";
		}

	}

	/**
	 * {@code {"type": "text"}}.
	 */
	record Text() implements ResponseFormat {

		/**
		 * Returns the wire discriminator.
		 * @return {@code text}
		 */
		@JsonProperty("type")
		public String type() {
			return "text";
		}

	}

	/**
	 * {@code {"type": "json_object"}}.
	 */
	record JsonObject() implements ResponseFormat {

		/**
		 * Returns the wire discriminator.
		 * @return {@code json_object}
		 */
		@JsonProperty("type")
		public String type() {
			return "json_object";
		}

	}

	/**
	 * {@code {"type": "json_schema", "json_schema": {...}}}.
	 *
	 * @param jsonSchema the schema definition
	 */
	record JsonSchema(@JsonProperty("json_schema") @Nullable Definition jsonSchema) implements ResponseFormat {

		/**
		 * Returns the wire discriminator.
		 * @return {@code json_schema}
		 */
		@JsonProperty("type")
		public String type() {
			return "json_schema";
		}

		/**
		 * A named JSON schema.
		 *
		 * @param name the schema's name
		 * @param description what the format is for
		 * @param schema the JSON schema
		 * @param strict whether the model must follow the schema exactly
		 */
		public record Definition(@Nullable String name, @Nullable String description,
				@Nullable Map<String, @Nullable Object> schema, @Nullable Boolean strict) {
		}

	}

	/**
	 * A format this version does not know, kept as raw JSON.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements ResponseFormat {
	}

}
