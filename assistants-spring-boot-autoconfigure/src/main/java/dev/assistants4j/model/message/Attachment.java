package dev.assistants4j.model.message;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.WireLists;
import dev.assistants4j.model.tool.Tool;

/**
 * A file attached to a message, and the tools it is added to.
 *
 * @param fileId id of the file
 * @param tools the tools the file is added to ({@code code_interpreter}, {@code file_search}), never
 * {@code null}
 */
public record Attachment(@JsonProperty("file_id") @Nullable String fileId, List<Tool> tools) {

	/**
	 * Normalizes absent tools to an empty list.
	 */
	public Attachment {
		tools = WireLists.copyOfNonNull(tools);
	}

	/**
	 * Attaches a file for the given tools.
	 * @param fileId id of an uploaded file
	 * @param tools the tools to add it to, such as {@link Tool#fileSearch()}
	 * @return an attachment
	 */
	public static Attachment of(String fileId, Tool... tools) {
		Assert.hasText(fileId, "'fileId' must not be blank");
		Assert.notEmpty(tools, "'tools' must not be empty");
		Assert.noNullElements(tools, "'tools' must not contain null elements");
		return new Attachment(fileId, Arrays.asList(tools));
	}

}
