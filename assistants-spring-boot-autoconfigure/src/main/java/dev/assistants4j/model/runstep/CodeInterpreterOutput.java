package dev.assistants4j.model.runstep;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An output of a code interpreter call: text logs or an image. Outputs of a type this version does not know
 * decode to {@link Unknown}.
 */
public sealed interface CodeInterpreterOutput
		permits CodeInterpreterOutput.Logs, CodeInterpreterOutput.Image, CodeInterpreterOutput.Unknown {

	/**
	 * Returns the wire discriminator, such as {@code logs}.
	 * @return the output type, or {@code null} for an unknown output sent without one
	 */
	@Nullable String type();

	/**
	 * Text the code printed ({@code type: logs}).
	 *
	 * @param logs the text
	 */
	record Logs(@Nullable String logs) implements CodeInterpreterOutput {

		@Override
		@JsonProperty("type")
		public String type() {
			return "logs";
		}

	}

	/**
	 * An image the code made ({@code type: image}).
	 *
	 * @param image the image file
	 */
	record Image(@Nullable ImageFile image) implements CodeInterpreterOutput {

		@Override
		@JsonProperty("type")
		public String type() {
			return "image";
		}

	}

	/**
	 * An image file the code interpreter made.
	 *
	 * @param fileId id of the file
	 */
	record ImageFile(@JsonProperty("file_id") @Nullable String fileId) {
	}

	/**
	 * An output of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements CodeInterpreterOutput {
	}

}
