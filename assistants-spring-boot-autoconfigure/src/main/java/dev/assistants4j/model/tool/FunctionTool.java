package dev.assistants4j.model.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A function the model may call ({@code type: function}).
 *
 * @param function the function's definition; absent only when a server sent none
 */
public record FunctionTool(@Nullable FunctionDefinition function) implements Tool {

	/** Wire discriminator of this tool. */
	public static final String TYPE = "function";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
