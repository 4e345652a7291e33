package dev.assistants4j.model.runstep;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A new output of a streamed code interpreter call, at the output's {@code index}: logs or an image. Outputs
 * of a type this version does not know decode to {@link Unknown}.
 */
public sealed interface CodeInterpreterOutputDelta permits CodeInterpreterOutputDelta.Logs,
		CodeInterpreterOutputDelta.Image, CodeInterpreterOutputDelta.Unknown {

	/**
	 * Returns the index of the output in the call's outputs.
	 * @return the index, or {@code null} if the server sent none
	 */
	@Nullable Integer index();

	/**
	 * Returns the wire discriminator, such as {@code logs}.
	 * @return the output type, or {@code null} for an unknown output sent without one
	 */
	@Nullable String type();

	/**
	 * Text the code printed ({@code type: logs}).
	 *
	 * @param index index of the output
	 * @param logs the text
	 */
	record Logs(@Nullable Integer index, @Nullable String logs) implements CodeInterpreterOutputDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return "logs";
		}

	}

	/**
	 * An image the code made ({@code type: image}).
	 *
	 * @param index index of the output
	 * @param image the image file
	 */
	record Image(@Nullable Integer index,
			CodeInterpreterOutput.@Nullable ImageFile image) implements CodeInterpreterOutputDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return "image";
		}

	}

	/**
	 * An output of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements CodeInterpreterOutputDelta {

		// Read from the raw JSON, so that a delta of an unknown type still merges at its index.
		@Override
		public @Nullable Integer index() {
			JsonNode index = this.raw.get("index");
			return (index != null && index.isIntegralNumber() && index.canConvertToInt()) ? index.intValue() : null;
		}

	}

}
