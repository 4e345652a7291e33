package dev.assistants4j.model.run;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * Which tool, if any, the model calls: one of the bare strings {@code "none"}, {@code "auto"} and
 * {@code "required"}, or an object naming a tool. Anything else (another string, a tool type this version does
 * not know) decodes to {@link Unknown}, which writes its raw JSON back unchanged.
 */
public sealed interface ToolChoice permits ToolChoice.Mode, ToolChoice.Function, ToolChoice.FileSearch,
		ToolChoice.CodeInterpreter, ToolChoice.Unknown {

	/**
	 * The model calls no tool and writes a message.
	 * @return the {@code "none"} mode
	 */
	static Mode none() {
		return Mode.NONE;
	}

	/**
	 * The model chooses between writing a message and calling tools (the server's default).
	 * @return the {@code "auto"} mode
	 */
	static Mode auto() {
		return Mode.AUTO;
	}

	/**
	 * The model calls at least one tool before it answers.
	 * @return the {@code "required"} mode
	 */
	static Mode required() {
		return Mode.REQUIRED;
	}

	/**
	 * The model calls this function.
	 * @param name the function's name
	 * @return a choice of the function
	 */
	static Function function(String name) {
		Assert.hasText(name, "'name' must not be blank");
		return new Function(new FunctionName(name));
	}

	/**
	 * The model calls file search.
	 * @return a choice of file search
	 */
	static FileSearch fileSearch() {
		return new FileSearch();
	}

	/**
	 * The model calls the code interpreter.
	 * @return a choice of the code interpreter
	 */
	static CodeInterpreter codeInterpreter() {
		return new CodeInterpreter();
	}

	/**
	 * One of the bare strings {@code "none"}, {@code "auto"} or {@code "required"}.
	 *
	 * @param value the wire value
	 */
	record Mode(@JsonValue String value) implements ToolChoice {

		private static final Set<String> VALUES = Set.of("none", "auto", "required");

		static final Mode NONE = new Mode("none");

		static final Mode AUTO = new Mode("auto");

		static final Mode REQUIRED = new Mode("required");

		/**
		 * Validates the value; a mode this version does not know is sent with {@link Unknown}.
		 * @throws IllegalArgumentException if the value is not {@code none}, {@code auto} or {@code required}
		 */
		public Mode {
			Assert.isTrue(VALUES.contains(value), () -> "'value' must be none, auto or required but was " + value);
		}

	}

	/**
	 * {@code {"type": "function", "function": {"name": ...}}}.
	 *
	 * @param function the function to call
	 */
	record Function(@Nullable FunctionName function) implements ToolChoice {

		/**
		 * Returns the wire discriminator.
		 * @return {@code function}
		 */
		@JsonProperty("type")
		public String type() {
			return "function";
		}

	}

	/**
	 * The name of the function a {@link Function} choice calls.
	 *
	 * @param name the function's name
	 */
	record FunctionName(@Nullable String name) {
	}

	/**
	 * {@code {"type": "file_search"}}.
	 */
	record FileSearch() implements ToolChoice {

		/**
		 * Returns the wire discriminator.
		 * @return {@code file_search}
		 */
		@JsonProperty("type")
		public String type() {
			return "file_search";
		}

	}

	/**
	 * {@code {"type": "code_interpreter"}}.
	 */
	record CodeInterpreter() implements ToolChoice {

		/**
		 * Returns the wire discriminator.
		 * @return {@code code_interpreter}
		 */
		@JsonProperty("type")
		public String type() {
			return "code_interpreter";
		}

	}

	/**
	 * A choice this version does not know, kept as raw JSON.
	 *
	 * @param type the discriminator the server sent, or {@code null} for a bare string or an object without one
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements ToolChoice {
	}

}
