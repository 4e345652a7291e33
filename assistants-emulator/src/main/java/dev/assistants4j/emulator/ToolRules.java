package dev.assistants4j.emulator;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.tool.CodeInterpreterTool;
import dev.assistants4j.model.tool.FileSearchTool;
import dev.assistants4j.model.tool.FunctionDefinition;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;

/**
 * The tool definitions the service accepts on an assistant or a run: at most 128, of a known type, functions
 * named with letters, digits, {@code _} and {@code -}, at most 64 of them.
 */
final class ToolRules {

	private static final int MAX_TOOLS = 128;

	private static final Pattern FUNCTION_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

	private ToolRules() {
	}

	static void check(@Nullable List<Tool> tools) {
		if (tools == null) {
			return;
		}
		if (tools.size() > MAX_TOOLS) {
			throw WireError.invalid("Invalid 'tools': array too long. Expected an array with maximum length "
					+ MAX_TOOLS + ", but got an array with length " + tools.size() + " instead.", "tools",
					"array_above_max_length");
		}
		for (int i = 0; i < tools.size(); i++) {
			Tool tool = tools.get(i);
			String param = "tools[" + i + "]";
			if (tool instanceof Tool.Unknown unknown && unknown.type() == null) {
				throw WireError.invalid("Invalid type for '" + param + "': expected an object with a 'type'.", param,
						"invalid_type");
			}
			if (tool instanceof Tool.Unknown unknown) {
				throw WireError.invalidValue(param + ".type", unknown.type(),
						List.of(CodeInterpreterTool.TYPE, FunctionTool.TYPE, FileSearchTool.TYPE));
			}
			if (tool instanceof FunctionTool function) {
				FunctionDefinition definition = function.function();
				if (definition == null) {
					throw WireError.missingParameter(param + ".function");
				}
				if (definition.name() == null) {
					throw WireError.missingParameter(param + ".function.name");
				}
				if (!FUNCTION_NAME.matcher(definition.name()).matches()) {
					throw WireError.invalid("Invalid '" + param + ".function.name': string does not match pattern. "
							+ "Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
							param + ".function.name", "invalid_value");
				}
			}
		}
	}

}
