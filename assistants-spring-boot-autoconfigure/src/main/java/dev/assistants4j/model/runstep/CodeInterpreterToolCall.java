package dev.assistants4j.model.runstep;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.WireLists;

/**
 * A call of the code interpreter ({@code type: code_interpreter}).
 *
 * @param id the call's id
 * @param codeInterpreter the code run and what it produced
 */
public record CodeInterpreterToolCall(@Nullable String id,
		@JsonProperty("code_interpreter") @Nullable CodeInterpreter codeInterpreter) implements ToolCall {

	/** Wire discriminator of this call. */
	public static final String TYPE = "code_interpreter";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * The code the interpreter ran and its outputs.
	 *
	 * @param input the code
	 * @param outputs the logs and images the code produced, never {@code null}
	 */
	public record CodeInterpreter(@Nullable String input, List<CodeInterpreterOutput> outputs) {

		/**
		 * Normalizes absent outputs to an empty list.
		 */
		public CodeInterpreter {
			outputs = WireLists.copyOfNonNull(outputs);
		}

	}

}
