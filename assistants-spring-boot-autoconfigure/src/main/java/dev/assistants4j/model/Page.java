package dev.assistants4j.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list response.
 *
 * @param <T> the type of the listed objects
 * @param data the objects of this page, never {@code null}
 * @param firstId id of the first object, if the server sent it
 * @param lastId id of the last object, if the server sent it
 * @param hasMore whether the server holds more objects after this page
 */
public record Page<T>(List<T> data, @JsonProperty("first_id") @Nullable String firstId,
		@JsonProperty("last_id") @Nullable String lastId, @JsonProperty("has_more") boolean hasMore) {

	/**
	 * Normalizes an absent {@code data} array to an empty list and drops {@code null} entries.
	 */
	public Page {
		data = WireLists.copyOfNonNull(data);
	}

}
