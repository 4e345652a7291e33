package dev.assistants4j.model.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A function the model may call ({@code type: function}).
 *
 * @param function the function's definition
 */
public record FunctionTool(FunctionDefinition function) implements Tool {

	/** Wire discriminator of this tool. */
	public static final String TYPE = "function";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
