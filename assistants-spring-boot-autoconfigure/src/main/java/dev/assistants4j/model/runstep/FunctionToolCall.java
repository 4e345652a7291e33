package dev.assistants4j.model.runstep;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A call of a function ({@code type: function}).
 *
 * @param id the call's id, which the tool output quoted
 * @param function the function, its arguments and the output submitted for it
 */
public record FunctionToolCall(@Nullable String id, @Nullable Function function) implements ToolCall {

	/** Wire discriminator of this call. */
	public static final String TYPE = "function";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * A function call's name, arguments and output.
	 *
	 * @param name the function's name
	 * @param arguments the arguments as JSON text, as the model wrote them
	 * @param output the output submitted for the call, or {@code null} until it was
	 */
	public record Function(@Nullable String name, @Nullable String arguments, @Nullable String output) {
	}

}
