package dev.assistants4j.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a delete request.
 *
 * @param id id of the deleted object
 * @param object the kind of deleted object, such as {@code assistant.deleted}
 * @param deleted whether the server deleted it
 */
public record DeletionStatus(@Nullable String id, @Nullable String object,
		@JsonProperty("deleted") boolean deleted) {
}
