package dev.assistants4j.model.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The code interpreter tool ({@code type: code_interpreter}).
 */
public record CodeInterpreterTool() implements Tool {

	/** Wire discriminator of this tool. */
	public static final String TYPE = "code_interpreter";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
