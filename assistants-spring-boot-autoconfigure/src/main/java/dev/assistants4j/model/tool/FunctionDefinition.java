package dev.assistants4j.model.tool;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Definition of a function tool.
 *
 * @param name the function's name: letters, digits, underscores and dashes, at most 64
 * @param description what the function does, which the model reads to decide when to call it
 * @param parameters JSON schema of the function's arguments
 * @param strict whether the model must follow the schema exactly
 */
public record FunctionDefinition(@Nullable String name, @Nullable String description,
		@Nullable Map<String, @Nullable Object> parameters, @Nullable Boolean strict) {
}
