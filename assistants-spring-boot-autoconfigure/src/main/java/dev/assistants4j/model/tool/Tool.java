package dev.assistants4j.model.tool;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * A tool an assistant or a run may use: the code interpreter, file search or a function. Tools of a type this
 * version does not know (such as v1's {@code retrieval}) decode to {@link Unknown}.
 */
public sealed interface Tool permits CodeInterpreterTool, FileSearchTool, FunctionTool, Tool.Unknown {

	/**
	 * Returns the wire discriminator, such as {@code function}.
	 * @return the tool type, or {@code null} for an unknown tool sent without one
	 */
	@Nullable String type();

	/**
	 * The code interpreter tool.
	 * @return a code interpreter tool
	 */
	static CodeInterpreterTool codeInterpreter() {
		return new CodeInterpreterTool();
	}

	/**
	 * The file search tool with the server's default settings.
	 * @return a file search tool
	 */
	static FileSearchTool fileSearch() {
		return new FileSearchTool(null);
	}

	/**
	 * A function tool.
	 * @param name the function name
	 * @param description what the function does, for the model
	 * @param parameters the JSON schema of the arguments
	 * @return a function tool
	 */
	static FunctionTool function(String name, @Nullable String description,
			@Nullable Map<String, @Nullable Object> parameters) {
		Assert.hasText(name, "'name' must not be blank");
		return new FunctionTool(new FunctionDefinition(name, description, parameters, null));
	}

	/**
	 * A tool of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements Tool {
	}

}
